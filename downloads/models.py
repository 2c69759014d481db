"""Templates and forms practitioners can use: described here, downloadable and fillable later."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.models import ArticlePage, IndexPage, SourcedPage
from taxonomy.models import TaxonomyMixin, default_locale_terms, localized_terms


class TemplateIndexPage(IndexPage):
    subpage_types = ["downloads.TemplatePage"]
    template = "core/index_page.html"
    page_description = _("Templates and forms.")

    class Meta:
        verbose_name = _("template index")


class TemplatePage(TaxonomyMixin, ArticlePage):
    template_type = models.ForeignKey(
        "taxonomy.TemplateType",
        verbose_name=_("template type"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=default_locale_terms,
    )

    parent_page_types = ["downloads.TemplateIndexPage"]
    subpage_types: list[str] = []
    template = "core/article_page.html"
    page_description = _("A template or form: what it is for and what it contains.")

    content_panels = [
        *ArticlePage.content_panels,
        FieldPanel("template_type"),
        *TaxonomyMixin.taxonomy_panels,
        *SourcedPage.source_panels,
    ]
    search_fields = [
        *ArticlePage.search_fields,
        *TaxonomyMixin.taxonomy_search_fields,
        index.FilterField("template_type"),
    ]
    override_translatable_fields = [
        *ArticlePage.override_translatable_fields,
        *TaxonomyMixin.taxonomy_synchronized_fields,
        SynchronizedField("template_type"),
    ]

    class Meta:
        verbose_name = _("template")
        verbose_name_plural = _("templates")

    def taxonomy_terms(self):
        terms = super().taxonomy_terms()
        if self.template_type_id:
            shown = localized_terms([self.template_type], self.locale_id)
            terms = {"template_type": shown, **terms}
        return terms
