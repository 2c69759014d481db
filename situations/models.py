"""Situation guides: "Hvad gør jeg, når …?", the practitioner's situation answered from the sources.

A guide puts a situation the sources describe the way a practitioner would, and says what to do
first (in order, who and when), which of the library's methods and techniques to use, what the
law allows as the sources cite it, the templates and the pitfalls. It links to those pages and
copies none of them; the methods show the guides that use them (`MethodPage.get_context`, through
the reverse relations of the links below). Advice the sources do not give stands apart, in
`own_remarks`, shown as the library's own.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from modelcluster.fields import ParentalKey

from core.models import BasePage, IndexPage, PageLink, SourcedPage, rich_text_field
from situations.blocks import FirstStepsStreamBlock, SignsStreamBlock
from taxonomy.models import TaxonomyMixin


class SituationIndexPage(IndexPage):
    subpage_types = ["situations.SituationPage"]
    template = "core/index_page.html"
    page_description = _("The list of situation guides: what to do when …")
    # The front page lists the guides under this heading (core.HomePage).
    home_heading = _("What are you facing?")

    class Meta:
        verbose_name = _("situation guide index")


class SituationPage(TaxonomyMixin, SourcedPage):
    """One situation from the sources, and what a practitioner does about it."""

    situation = rich_text_field(_("the situation"), _("Put the way a practitioner would put it."))
    signs = StreamField(
        SignsStreamBlock(),
        verbose_name=_("signs that it is this situation"),
        blank=True,
    )
    first_steps = StreamField(
        FirstStepsStreamBlock(),
        verbose_name=_("what to do first"),
        blank=True,
        help_text=_("Concrete actions in order, each with who does it and when."),
    )
    methods_note = rich_text_field(
        _("why these methods"), _("Why the linked methods and techniques fit.")
    )
    law = rich_text_field(
        _("what the law allows"),
        _("As the sources cite it; the legal pages linked below show the law's current status."),
    )
    pitfalls = rich_text_field(_("pitfalls and dilemmas"))
    own_remarks = rich_text_field(
        _("the library's own remarks"),
        _(
            "Advice the sources do not give but a reader needs, e.g. to call 112 when a life is "
            "in danger. Shown marked as the library's own, without sources."
        ),
    )

    parent_page_types = ["situations.SituationIndexPage"]
    subpage_types: list[str] = []
    page_description = _("A situation guide: what to do first, the methods, the law, the forms.")

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("situation"),
        FieldPanel("signs"),
        FieldPanel("first_steps"),
        InlinePanel("method_links", heading=_("Methods and techniques"), label=_("method")),
        FieldPanel("methods_note"),
        FieldPanel("law"),
        InlinePanel("legal_links", heading=_("Legal pages"), label=_("legal provision")),
        InlinePanel("template_links", heading=_("Templates"), label=_("template")),
        FieldPanel("pitfalls"),
        FieldPanel("own_remarks"),
        *TaxonomyMixin.taxonomy_panels,
        *SourcedPage.source_panels,
    ]
    search_fields = [
        *SourcedPage.search_fields,
        *TaxonomyMixin.taxonomy_search_fields,
        index.SearchField("situation"),
        index.SearchField("signs"),
        index.SearchField("first_steps"),
        index.SearchField("methods_note"),
        index.SearchField("law"),
        index.SearchField("pitfalls"),
    ]
    api_fields = [
        *SourcedPage.api_fields,
        APIField("situation"),
        APIField("signs"),
        APIField("first_steps"),
        APIField("methods_note"),
        APIField("law"),
        APIField("pitfalls"),
        APIField("own_remarks"),
    ]
    override_translatable_fields = [
        *SourcedPage.override_translatable_fields,
        *TaxonomyMixin.taxonomy_synchronized_fields,
    ]
    content_relations = {
        **SourcedPage.content_relations,
        "methods": "method_links",
        "legal_basis": "legal_links",
        "templates": "template_links",
    }

    class Meta:
        verbose_name = _("situation guide")
        verbose_name_plural = _("situation guides")

    def search_answers(self):
        """Refs of the pages the guide names, in its order (search.documents): the methods and
        techniques, the legal pages, the templates. Search shows them right after the guide."""
        relations = (self.method_links, self.legal_links, self.template_links)
        pages = [link.target.specific_deferred for links in relations for link in links.all()]
        return [page.ref for page in pages if getattr(page, "ref", "")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["methods"] = self.linked("method_links", request)
        context["legal_basis"] = self.linked("legal_links", request)
        context["templates"] = self.linked("template_links", request)
        shown = {*context["methods"], *context["legal_basis"], *context["templates"]}
        context["related"] = [p for p in context["related"] if p not in shown]
        return context


class SituationMethodLink(PageLink):
    page = ParentalKey(SituationPage, on_delete=models.CASCADE, related_name="method_links")
    target = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("method or technique"),
        on_delete=models.CASCADE,
        related_name="situation_method_links",
        help_text=_("A method, technique or principle of the library."),
    )
    panels = [
        PageChooserPanel(
            "target", ["methods.MethodPage", "methods.TechniquePage", "methods.PrinciplePage"]
        )
    ]


class SituationLegalLink(PageLink):
    page = ParentalKey(SituationPage, on_delete=models.CASCADE, related_name="legal_links")
    target = models.ForeignKey(
        "legal.LegalPage",
        verbose_name=_("legal provision"),
        on_delete=models.CASCADE,
        related_name="situation_legal_links",
    )


class SituationTemplateLink(PageLink):
    page = ParentalKey(SituationPage, on_delete=models.CASCADE, related_name="template_links")
    target = models.ForeignKey(
        "downloads.TemplatePage",
        verbose_name=_("template"),
        on_delete=models.CASCADE,
        related_name="situation_template_links",
    )
