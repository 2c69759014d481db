from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    name = "taxonomy"
    verbose_name = _("Taxonomy")

    def ready(self):
        from core.content import register_preloader
        from taxonomy.content import load_vocabularies

        register_preloader(load_vocabularies)
