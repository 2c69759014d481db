"""Synonyms and abbreviations editors maintain, used by the search analysis."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class SynonymGroup(models.Model):
    """Words and phrases that mean the same to a practitioner: "SKP, støttekontaktperson, § 99".

    A search for any of them finds pages that use any other. One-way groups ("udskrivningsaftale
    also finds koordinationsplan, not the reverse") are marked as such.
    """

    language = models.CharField(
        _("language"),
        max_length=8,
        choices=[("da", _("Danish")), ("en", _("English"))],
        default="da",
    )
    terms = models.TextField(
        _("words and phrases"),
        help_text=_("Separated by commas, e.g. SKP, støtte- og kontaktperson, støttekontaktperson"),
    )
    one_way = models.BooleanField(
        _("one way"),
        default=False,
        help_text=_("Only the first word finds the others, not the other way round."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    panels = [
        FieldPanel("language"),
        FieldPanel("terms"),
        FieldPanel("one_way"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")
        ordering = ["language", "terms"]

    def __str__(self):
        return self.terms[:80]

    def term_list(self):
        return [t.strip() for t in self.terms.split(",") if t.strip()]


class SearchDocument(index.Indexed, models.Model):
    """What search knows about a page: its analysed terms and facet values, one row per page.

    Kept in step with the page's database row (built on every full save, so drafts never reach
    it) and indexed by Wagtail's search backend, which finds the candidates; ranking and facet
    counts then work on these rows, so every backend gives the same results.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    live = models.BooleanField(default=False, db_index=True)
    page_type = models.CharField(max_length=100)
    ref = models.CharField(max_length=40, blank=True)
    title = models.CharField(max_length=255)
    # The title's words as typed without æ, ø, å (search.analysis.skeleton), for autocomplete.
    title_folded = models.CharField(max_length=400, blank=True)
    # Refs of the pages this page names as the way to act on it, best first (a situation guide's
    # methods, legal pages and templates): search shows them right after it.
    answer_refs = models.TextField(blank=True)
    summary = models.TextField(blank=True)
    text = models.TextField(blank=True, help_text="Plain text, for the snippets of results.")
    title_terms = models.TextField(blank=True)
    summary_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    body_length = models.PositiveIntegerField(default=0)  # how many terms body_terms has
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    search_fields = [
        index.SearchField("title_terms"),
        index.SearchField("summary_terms"),
        index.SearchField("body_terms"),
        index.AutocompleteField("title"),
        index.AutocompleteField("title_folded"),
        index.FilterField("page_id"),  # facet filters narrow the search by document id
        index.FilterField("locale_id"),
        index.FilterField("live"),
        index.FilterField("page_type"),
    ]

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        indexes = [models.Index(fields=["locale", "live"])]

    def __str__(self):
        return self.title


class SearchFacet(models.Model):
    """A facet value of a searchable page: ("type", "methods.MethodPage"), ("phase", "kontakt")."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="facets")
    facet = models.CharField(max_length=40)
    value = models.CharField(max_length=100)

    class Meta:
        indexes = [models.Index(fields=["facet", "value"])]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "facet", "value"], name="unique_search_facet_value"
            )
        ]

    def __str__(self):
        return f"{self.facet}={self.value}"


class SearchQuery(models.Model):
    """A search someone made: the query as typed (cut), language, filters and hits. No IP address,
    no user, no session: only what was asked and whether the library had an answer."""

    query = models.CharField(_("query"), max_length=200)
    normalized = models.CharField(_("normalised query"), max_length=200, db_index=True)
    language = models.CharField(_("language"), max_length=8)
    filters = models.CharField(_("filters"), max_length=300, blank=True)
    hits = models.PositiveIntegerField(_("hits"))
    searched_at = models.DateTimeField(_("searched at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("search")
        verbose_name_plural = _("searches")
        ordering = ["-searched_at"]

    def __str__(self):
        return self.query
