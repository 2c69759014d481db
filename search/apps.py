from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "library_search"  # "search" would clash with wagtail.search's label
    verbose_name = _("Search")

    def ready(self):
        from core.content import register_preloader
        from search.content import load_synonyms

        register_preloader(load_synonyms)
