from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SourcesConfig(AppConfig):
    name = "sources"
    verbose_name = _("Sources")

    def ready(self):
        from core import richtext
        from sources.citations import PROCESSOR
        from sources.notes import document_notes

        richtext.register(PROCESSOR)
        richtext.register_document_processor(document_notes)
