"""Legal provisions and guidance, as the sources cite them, with room for the law in force."""

from collections import defaultdict
from datetime import timedelta
from urllib.parse import urlencode

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import RICH_TEXT_FEATURES
from core.models import BasePage, IndexPage, SourcedPage

ACTS = [
    ("SEL", _("Social Services Act (serviceloven)")),
    ("SUL", _("Health Act (sundhedsloven)")),
    ("PSYKL", _("Mental Health Act (psykiatriloven)")),
    ("RPL", _("Administration of Justice Act (retsplejeloven)")),
    ("STRFL", _("Criminal Code (straffeloven)")),
    ("ABL", _("Social Housing Act (almenboligloven)")),
    ("VEJL", _("Guidance (vejledninger)")),
    ("AFTALE", _("Agreements and frameworks")),
    ("OTHER", _("Other rules")),
]

# The acts' names as Retsinformation knows them, to search for a provision in the law in force.
ACT_NAMES = {
    "SEL": "serviceloven",
    "SUL": "sundhedsloven",
    "PSYKL": "psykiatriloven",
    "RPL": "retsplejeloven",
    "STRFL": "straffeloven",
    "ABL": "almenboligloven",
}
RETSINFORMATION_SEARCH = "https://www.retsinformation.dk/documents?"


class LegalIndexPage(IndexPage):
    subpage_types = ["legal.LegalPage"]
    template = "legal/legal_index_page.html"
    page_description = _("The list of legal provisions and guidance, grouped by act.")

    class Meta:
        verbose_name = _("legislation index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        grouped = defaultdict(list)
        for page in context["children"]:
            grouped[page.act].append(page)
        context["act_groups"] = [
            {"act": code, "label": label, "pages": grouped[code]}
            for code, label in ACTS
            if grouped.get(code)
        ]
        return context


class LegalPage(SourcedPage):
    review_interval = timedelta(days=182)  # law and guidance change more often than methods

    act = models.CharField(_("act"), max_length=10, choices=ACTS)
    paragraph = models.CharField(
        _("paragraph"),
        max_length=40,
        blank=True,
        help_text=_(
            "As the sources cite it: 99, 107-110, KAP11; empty for a whole act or guidance."
        ),
    )
    short_title = models.CharField(_("short title"), max_length=200)
    as_cited = RichTextField(
        _("as cited in the sources"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("What the sources say the provision covers, with the source and year."),
    )
    cited_in = models.CharField(_("cited in"), max_length=300, blank=True)
    cited_year = models.PositiveSmallIntegerField(_("cited year"), null=True, blank=True)
    plain_language = RichTextField(_("in plain language"), blank=True, features=RICH_TEXT_FEATURES)
    current_law = RichTextField(
        _("current law"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("The provision as it reads today, checked by an editor."),
    )
    current_law_checked = models.DateField(_("current law checked on"), null=True, blank=True)
    external_url = models.URLField(_("link to the law"), blank=True)

    parent_page_types = ["legal.LegalIndexPage"]
    subpage_types: list[str] = []
    page_description = _("One legal provision or guidance item, as cited, with the law in force.")

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("act"), FieldPanel("paragraph"), FieldPanel("short_title")],
            heading=_("Provision"),
        ),
        FieldPanel("as_cited"),
        MultiFieldPanel([FieldPanel("cited_in"), FieldPanel("cited_year")], heading=_("Citation")),
        FieldPanel("plain_language"),
        MultiFieldPanel(
            [
                FieldPanel("current_law"),
                FieldPanel("current_law_checked"),
                FieldPanel("external_url"),
            ],
            heading=_("Current law"),
        ),
        *SourcedPage.source_panels,
    ]
    search_fields = [
        *SourcedPage.search_fields,
        index.SearchField("short_title", boost=3),
        index.SearchField("paragraph", boost=3),
        index.SearchField("as_cited"),
        index.SearchField("plain_language"),
        index.FilterField("act"),
    ]
    api_fields = [
        *SourcedPage.api_fields,
        APIField("act"),
        APIField("paragraph"),
        APIField("short_title"),
        APIField("as_cited"),
        APIField("cited_in"),
        APIField("cited_year"),
        APIField("plain_language"),
        APIField("current_law"),
        APIField("current_law_checked"),
        APIField("external_url"),
    ]
    override_translatable_fields = [
        *SourcedPage.override_translatable_fields,
        SynchronizedField("act"),
        SynchronizedField("paragraph"),
        SynchronizedField("external_url"),
    ]

    class Meta:
        verbose_name = _("legal provision")
        verbose_name_plural = _("legal provisions")

    @property
    def law_in_force_query(self) -> str:
        """What to search Retsinformation for: "serviceloven § 99", "serviceloven kapitel 11",
        or the title of a guidance or agreement."""
        act = ACT_NAMES.get(self.act)
        if not act:
            return self.short_title
        paragraph = self.paragraph.strip()
        if not paragraph:
            return act
        if paragraph.upper().startswith("KAP"):
            return f"{act} kapitel {paragraph[3:].strip()}"
        return f"{act} § {paragraph.split('-')[0].strip()}"

    @property
    def law_in_force_url(self) -> str:
        """The provision at Retsinformation: the address an editor recorded, else a search."""
        if self.external_url:
            return self.external_url
        return RETSINFORMATION_SEARCH + urlencode({"t": self.law_in_force_query})

    def methods_resting_on_it(self, request=None):
        """Live methods, in the reader's language, that name this provision as legal basis."""
        # `method_links` is the reverse of the methods app's legal-basis links (no import back).
        return self.linking_pages(self.method_links.model, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["methods"] = self.methods_resting_on_it(request)
        # The situation guides app's links, by their reverse relation (no import of it).
        context["situations"] = self.linking_pages(self.situation_legal_links.model, request)
        return context
