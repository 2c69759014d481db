"""Controlled vocabularies for the facets, and the mixin pages use to carry them.

Each vocabulary is its own table of translatable terms (wagtail-localize): the Danish term is
the source, the English one its translation. Pages link the Danish terms (the links are
synchronised to their translations) and show `term.localized` in the reader's language.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from modelcluster.fields import ParentalManyToManyField


def default_locale_terms():
    """Admin choices: only the source-language terms (each term exists once per language)."""
    return models.Q(locale_id=Locale.get_default().pk)


def localized_terms(terms, locale_id):
    """The terms' versions in a locale, in one query (`term.localized` costs two per term)."""
    if all(term.locale_id == locale_id for term in terms):
        return list(terms)
    model = type(terms[0])
    found = {
        t.translation_key: t
        for t in model.objects.filter(
            translation_key__in=[term.translation_key for term in terms], locale_id=locale_id
        )
    }
    return [found.get(term.translation_key, term) for term in terms]


class Term(TranslatableMixin, index.Indexed, models.Model):
    code = models.SlugField(
        _("code"),
        max_length=60,
        help_text=_("Stable code used in URLs, filters and content files."),
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=100)

    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


def _term_model(class_name, verbose, verbose_plural):
    meta = type(
        "Meta",
        (Term.Meta,),
        {
            "verbose_name": verbose,
            "verbose_name_plural": verbose_plural,
            "constraints": [
                models.UniqueConstraint(
                    fields=["code", "locale"], name=f"unique_{class_name.lower()}_code_locale"
                )
            ],
        },
    )
    return type(class_name, (Term,), {"__module__": __name__, "Meta": meta})


# One table per vocabulary (domain.md §7.2); the name is what the facet is called in code.
Category = _term_model("Category", _("method category"), _("method categories"))
TargetGroup = _term_model("TargetGroup", _("target group"), _("target groups"))
Role = _term_model("Role", _("actor or role"), _("actors and roles"))
Sector = _term_model("Sector", _("sector"), _("sectors"))
Phase = _term_model("Phase", _("phase"), _("phases"))
Place = _term_model("Place", _("municipality or region"), _("municipalities and regions"))
TemplateType = _term_model("TemplateType", _("template type"), _("template types"))
Audience = _term_model("Audience", _("audience"), _("audiences"))
EvidenceLevel = _term_model("EvidenceLevel", _("evidence level"), _("evidence levels"))

# The content files' vocabulary keys, and the model each names.
VOCABULARIES = {
    "category": Category,
    "target_group": TargetGroup,
    "role": Role,
    "sector": Sector,
    "phase": Phase,
    "place": Place,
    "template_type": TemplateType,
    "audience": Audience,
    "evidence": EvidenceLevel,
}


def many_terms(model, verbose, help_text=""):
    """A page's link to many terms of one vocabulary (the source-language terms)."""
    return ParentalManyToManyField(
        model,
        verbose_name=verbose,
        blank=True,
        related_name="+",
        limit_choices_to=default_locale_terms,
        help_text=help_text,
    )


class TermsMixin:
    """Reading a page's terms: for pages that name their own taxonomy fields in `TAXONOMY_ONE`
    (foreign keys) and `TAXONOMY_MANY` (many-to-many), each mapped to its facet's key."""

    TAXONOMY_ONE: dict[str, str] = {}
    TAXONOMY_MANY: dict[str, str] = {}

    def _terms_by_facet(self):
        for name in self.TAXONOMY_ONE:
            term = getattr(self, name)
            if term is not None:
                yield name, [term]
        for name in self.TAXONOMY_MANY:
            terms = list(getattr(self, name).all())
            if terms:
                yield name, terms

    def taxonomy_codes(self):
        """The page's terms per facet as codes, for the API: {field name: [code, …]}."""
        return {name: [t.code for t in terms] for name, terms in self._terms_by_facet()}

    def taxonomy_terms(self, request=None):
        """The page's terms per facet, in the page's language: {field name: [term, …]}."""
        from core.snapshot import live_view, page_terms

        if live_view(request, self):
            return page_terms(request, self, [*self.TAXONOMY_ONE, *self.TAXONOMY_MANY])
        return {
            name: localized_terms(terms, self.locale_id) for name, terms in self._terms_by_facet()
        }


class TaxonomyMixin(TermsMixin, models.Model):
    """The facets a page carries. Relational, so they can be filtered, counted and translated."""

    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=default_locale_terms,
    )
    target_groups = many_terms(TargetGroup, _("target groups"))
    roles = many_terms(Role, _("actors and roles"))
    sectors = many_terms(Sector, _("sectors"))
    phases = many_terms(Phase, _("phases"))
    places = many_terms(Place, _("municipalities and regions"))
    audiences = many_terms(Audience, _("audiences"))
    evidence_level = models.ForeignKey(
        EvidenceLevel,
        verbose_name=_("evidence level"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=default_locale_terms,
    )

    # Many-to-many fields, in the order they are shown (the key is the content files' meta key).
    TAXONOMY_MANY = {
        "target_groups": "target_group",
        "roles": "role",
        "sectors": "sector",
        "phases": "phase",
        "places": "place",
        "audiences": "audience",
    }
    TAXONOMY_ONE = {"category": "category", "evidence_level": "evidence"}

    taxonomy_panels = [
        MultiFieldPanel(
            [
                FieldPanel("category"),
                *(FieldPanel(name, widget=forms.CheckboxSelectMultiple) for name in TAXONOMY_MANY),
                FieldPanel("evidence_level"),
            ],
            heading=_("Taxonomy"),
            classname="collapsed",
        )
    ]
    taxonomy_search_fields = [
        index.FilterField("category"),
        index.FilterField("evidence_level"),
    ]
    taxonomy_synchronized_fields = [
        SynchronizedField(name) for name in ("category", "evidence_level", *TAXONOMY_MANY)
    ]

    class Meta:
        abstract = True
