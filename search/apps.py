from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "library_search"  # "search" would clash with wagtail.search's label
    verbose_name = _("Search")

    def ready(self):
        from django.db.models.signals import post_migrate

        from core.content import register_preloader
        from search.content import load_synonyms

        register_preloader(load_synonyms)

        from core import home
        from search.usage import searched_this_year

        home.register_usage(searched_this_year)
        post_migrate.connect(_recheck_sqlite_fts, sender=self)

        from django.db.models.signals import post_delete, post_save

        from wagtail.models import PageViewRestriction

        from search.documents import restriction_changed

        post_save.connect(restriction_changed, sender=PageViewRestriction)
        post_delete.connect(restriction_changed, sender=PageViewRestriction)


def _recheck_sqlite_fts(**kwargs):
    """Wagtail's database search decides once per process whether SQLite's full-text table
    exists. A save during migrations (the home page) asks before the table is made, and the
    answer would stick for the rest of the process (`prepare_site` imports the content right
    after migrating): ask again once the migrations are done."""
    from modelsearch.backends import database

    database.USE_SQLITE_FTS = None
