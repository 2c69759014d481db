"""Target groups, definitions, statistics and communication material; the glossary."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from core.models import ArticlePage, BasePage, IndexPage, ReviewMixin, SourcedPage
from taxonomy.models import TaxonomyMixin


class GuidelineIndexPage(IndexPage):
    subpage_types = [
        "guidelines.GuidelinePage",
        "guidelines.GlossaryPage",
        "strategy.InformationStrategyPage",
    ]
    template = "core/index_page.html"
    page_description = _("Knowledge: target groups, definitions, figures and communication.")

    class Meta:
        verbose_name = _("knowledge index")


class GuidelinePage(TaxonomyMixin, ArticlePage):
    parent_page_types = ["guidelines.GuidelineIndexPage"]
    subpage_types: list[str] = []
    template = "core/article_page.html"
    page_description = _("A target group, definition, set of figures or guideline.")

    content_panels = [
        *ArticlePage.content_panels,
        *TaxonomyMixin.taxonomy_panels,
        *SourcedPage.source_panels,
    ]
    search_fields = [*ArticlePage.search_fields, *TaxonomyMixin.taxonomy_search_fields]
    override_translatable_fields = [
        *ArticlePage.override_translatable_fields,
        *TaxonomyMixin.taxonomy_synchronized_fields,
    ]

    class Meta:
        verbose_name = _("knowledge page")
        verbose_name_plural = _("knowledge pages")


class GlossaryTerm(TranslatableMixin, index.Indexed, models.Model):
    """A word practitioners meet in the sources, with what it means here."""

    code = models.SlugField(_("code"), max_length=80)
    term = models.CharField(_("term"), max_length=120)
    variants = models.CharField(
        _("inflections and synonyms"),
        max_length=400,
        blank=True,
        help_text=_(
            "Other forms found in text, separated by commas: netværksmødet, netværksmøder."
        ),
    )
    definition = models.TextField(_("definition"))
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("term"),
        FieldPanel("code"),
        FieldPanel("variants"),
        FieldPanel("definition"),
    ]
    search_fields = [
        index.SearchField("term", boost=3),
        index.SearchField("variants"),
        index.SearchField("definition"),
        index.AutocompleteField("term"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="unique_glossary_code_locale")
        ]

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # The glossary page is found by its terms: its search document follows their changes.
        from search.documents import update

        for page in GlossaryPage.objects.filter(locale_id=self.locale_id):
            update(page)

    def forms(self):
        return [self.term, *(v.strip() for v in self.variants.split(",") if v.strip())]


class GlossaryPage(ReviewMixin, BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["guidelines.GuidelineIndexPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    page_description = _("The glossary: every term with its definition.")
    searchable = True
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(ReviewMixin.review_panels, heading=_("Review")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("glossary_text"),
    ]

    class Meta:
        verbose_name = _("glossary")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["glossary"] = list(GlossaryTerm.objects.filter(locale=self.locale))
        return context

    def glossary_text(self):
        """Every term of the page's language with its forms and definition, for search."""
        return " ".join(
            f"{term.term} {term.variants} {term.definition}"
            for term in GlossaryTerm.objects.filter(locale_id=self.locale_id)
        )
