from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    name = "legal"
    verbose_name = _("Legislation")

    def ready(self):
        from core import richtext
        from legal.linking import PROCESSOR

        richtext.register(PROCESSOR)
