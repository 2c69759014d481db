from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidelinesConfig(AppConfig):
    name = "guidelines"
    verbose_name = _("Knowledge and guidelines")

    def ready(self):
        from core import richtext
        from core.content import register_preloader
        from guidelines.content import load_glossary
        from guidelines.glossary import PROCESSOR

        richtext.register(PROCESSOR)
        register_preloader(load_glossary)
