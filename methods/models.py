"""Methods, the techniques they use and the principles and dilemmas behind them."""

from collections import defaultdict

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from modelcluster.fields import ParentalKey

from core.models import BasePage, IndexPage, PageLink, SourcedPage, rich_text_field
from methods.blocks import StepsStreamBlock, VariantsStreamBlock
from taxonomy.models import Category, TaxonomyMixin, localized_terms


class MethodIndexPage(IndexPage):
    subpage_types = ["methods.MethodPage", "methods.TechniquePage", "methods.PrinciplePage"]
    template = "methods/method_index_page.html"
    page_description = _("The list of methods, grouped by category.")

    class Meta:
        verbose_name = _("method index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = context["children"]
        methods = [p for p in children if isinstance(p, MethodPage)]
        # Methods link the source-language terms; headings show them in the page's language.
        in_use = list(Category.objects.filter(pk__in={m.category_id for m in methods}))
        localized = localized_terms(in_use, self.locale_id) if in_use else []
        categories = {term.pk: shown for term, shown in zip(in_use, localized, strict=True)}
        grouped = defaultdict(list)
        for method in methods:
            grouped[method.category_id].append(method)
        context["method_groups"] = [
            {"category": categories.get(pk), "methods": items}
            for pk, items in sorted(
                grouped.items(),
                key=lambda kv: (kv[0] is None, categories[kv[0]].sort_order if kv[0] else 0),
            )
        ]
        context["techniques"] = [p for p in children if isinstance(p, TechniquePage)]
        context["principles"] = [p for p in children if isinstance(p, PrinciplePage)]
        return context


class MethodPage(TaxonomyMixin, SourcedPage):
    """One method or working practice, described in the five dimensions of the Vidensportal."""

    target_group = rich_text_field(_("target group"), _("Who the method is for."))
    purpose = rich_text_field(_("purpose"))
    steps = StreamField(StepsStreamBlock(), verbose_name=_("core elements and steps"), blank=True)
    who = rich_text_field(_("who does it"), _("Roles and sectors, and how they work together."))
    implementation = rich_text_field(_("competences and implementation"))
    evidence = rich_text_field(
        _("documentation and evidence"), _("What the sources actually show.")
    )
    economy = rich_text_field(_("economy"), _("Only figures the sources give."))
    variants = StreamField(VariantsStreamBlock(), verbose_name=_("municipal variants"), blank=True)
    dilemmas = rich_text_field(_("dilemmas"))

    parent_page_types = ["methods.MethodIndexPage"]
    subpage_types: list[str] = []
    page_description = _("A method: target group, purpose, steps, roles, evidence and law.")

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("target_group"),
        FieldPanel("purpose"),
        FieldPanel("steps"),
        FieldPanel("who"),
        FieldPanel("implementation"),
        FieldPanel("evidence"),
        FieldPanel("economy"),
        FieldPanel("variants"),
        FieldPanel("dilemmas"),
        InlinePanel("legal_basis_links", heading=_("Legal basis"), label=_("legal provision")),
        InlinePanel("technique_links", heading=_("Techniques"), label=_("technique")),
        InlinePanel("principle_links", heading=_("Principles and dilemmas"), label=_("principle")),
        *TaxonomyMixin.taxonomy_panels,
        *SourcedPage.source_panels,
    ]
    search_fields = [
        *SourcedPage.search_fields,
        *TaxonomyMixin.taxonomy_search_fields,
        index.SearchField("target_group"),
        index.SearchField("purpose"),
        index.SearchField("steps"),
        index.SearchField("who"),
        index.SearchField("implementation"),
        index.SearchField("evidence"),
        index.SearchField("variants"),
        index.SearchField("dilemmas"),
    ]
    api_fields = [
        *SourcedPage.api_fields,
        APIField("target_group"),
        APIField("purpose"),
        APIField("steps"),
        APIField("who"),
        APIField("implementation"),
        APIField("evidence"),
        APIField("economy"),
        APIField("variants"),
        APIField("dilemmas"),
    ]
    override_translatable_fields = [
        *SourcedPage.override_translatable_fields,
        *TaxonomyMixin.taxonomy_synchronized_fields,
    ]

    content_relations = {
        **SourcedPage.content_relations,
        "legal_basis": "legal_basis_links",
        "techniques": "technique_links",
        "principles": "principle_links",
    }

    class Meta:
        verbose_name = _("method")
        verbose_name_plural = _("methods")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["legal_basis"] = self.linked("legal_basis_links", request)
        context["techniques"] = self.linked("technique_links", request)
        context["principles"] = self.linked("principle_links", request)
        from downloads.models import TemplatePage

        context["templates"] = self.linked_both_ways(TemplatePage, request)
        from courses.models import courses_using

        context["courses"] = courses_using(self, request)
        # The situation guides that use the method, by the reverse of their links (no import).
        context["situations"] = self.linking_pages(self.situation_method_links.model, request)
        context["related"] = [p for p in context["related"] if p not in context["templates"]]
        return context


class LegalBasisLink(PageLink):
    page = ParentalKey(MethodPage, on_delete=models.CASCADE, related_name="legal_basis_links")
    target = models.ForeignKey(
        "legal.LegalPage",
        verbose_name=_("legal provision"),
        on_delete=models.CASCADE,
        related_name="method_links",
    )


class TechniqueLink(PageLink):
    page = ParentalKey(MethodPage, on_delete=models.CASCADE, related_name="technique_links")
    target = models.ForeignKey(
        "methods.TechniquePage",
        verbose_name=_("technique"),
        on_delete=models.CASCADE,
        related_name="method_links",
    )


class PrincipleLink(PageLink):
    page = ParentalKey(MethodPage, on_delete=models.CASCADE, related_name="principle_links")
    target = models.ForeignKey(
        "methods.PrinciplePage",
        verbose_name=_("principle"),
        on_delete=models.CASCADE,
        related_name="method_links",
    )


class SupportingPage(TaxonomyMixin, SourcedPage):
    """A technique or principle: described on its own page and shown on the methods using it."""

    description = rich_text_field(_("description"))
    cautions = rich_text_field(_("cautions"))

    parent_page_types = ["methods.MethodIndexPage"]
    subpage_types: list[str] = []
    override_translatable_fields = [
        *SourcedPage.override_translatable_fields,
        *TaxonomyMixin.taxonomy_synchronized_fields,
    ]
    # Set by each kind: its label, and the field (with its heading) beside description/cautions.
    kind_label = ""
    extra_field = ""
    extra_heading = ""

    class Meta:
        abstract = True

    @classmethod
    def supporting_panels(cls, extra):
        return [
            *BasePage.content_panels,
            FieldPanel("description"),
            FieldPanel(extra),
            FieldPanel("cautions"),
            *TaxonomyMixin.taxonomy_panels,
            *SourcedPage.source_panels,
        ]

    @classmethod
    def supporting_search_fields(cls, extra):
        return [
            *SourcedPage.search_fields,
            *TaxonomyMixin.taxonomy_search_fields,
            index.SearchField("description"),
            index.SearchField(extra),
            index.SearchField("cautions"),
        ]

    def used_in(self, request=None):
        """Live methods, in the page's language, that link to this page."""
        return self.linking_pages(self.method_links.model, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["used_in"] = self.used_in(request)
        context["situations"] = self.linking_pages(self.situation_method_links.model, request)
        context["kind"] = self.kind_label
        context["extra_value"] = getattr(self, self.extra_field)
        context["extra_heading"] = self.extra_heading
        return context


class TechniquePage(SupportingPage):
    when_to_use = rich_text_field(_("when to use it"))

    template = "methods/supporting_page.html"
    kind_label = _("Technique")
    extra_field = "when_to_use"
    extra_heading = _("When to use it")
    page_description = _("A small technique used within methods, e.g. the shared third.")
    content_panels = SupportingPage.supporting_panels("when_to_use")
    search_fields = SupportingPage.supporting_search_fields("when_to_use")
    api_fields = [
        *SourcedPage.api_fields,
        APIField("description"),
        APIField("when_to_use"),
        APIField("cautions"),
    ]

    class Meta:
        verbose_name = _("technique")
        verbose_name_plural = _("techniques")


class PrinciplePage(SupportingPage):
    dilemma = rich_text_field(_("the dilemma"))

    template = "methods/supporting_page.html"
    kind_label = _("Principle or dilemma")
    extra_field = "dilemma"
    extra_heading = _("The dilemma")
    page_description = _("A principle or dilemma behind the methods, e.g. autonomy vs care.")
    content_panels = SupportingPage.supporting_panels("dilemma")
    search_fields = SupportingPage.supporting_search_fields("dilemma")
    api_fields = [
        *SourcedPage.api_fields,
        APIField("description"),
        APIField("dilemma"),
        APIField("cautions"),
    ]

    class Meta:
        verbose_name = _("principle or dilemma")
        verbose_name_plural = _("principles and dilemmas")
