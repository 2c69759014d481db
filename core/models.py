"""The shared Wagtail layer: the base every page type builds on, and the site's own pages."""

import re
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageViewRestriction, Site, get_page_models
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from modelcluster.fields import ParentalKey

from core import home, snapshot
from core.blocks import RICH_TEXT_FEATURES, SOURCE_DOCUMENTS, BodyStreamBlock, SourcesStreamBlock


def localized_live_pages(pages, locale):
    """The live, public versions of `pages` in `locale`, specific and in the same order, in few
    queries (one for the translations, one per page type), where `page.localized` costs several
    each. Pages behind a view restriction are left out, as `snapshot.localized` leaves them."""
    keys = [page.translation_key for page in pages]
    translations = Page.objects.live().public().filter(translation_key__in=keys, locale=locale)
    found = {page.translation_key: page for page in translations.specific()}
    return [found[key] for key in keys if key in found]


REF_PATTERN = re.compile(r"^[A-Z][A-Z0-9]*(?:[-.][A-Z0-9]+)*$")


def validate_ref(value):
    if not REF_PATTERN.match(value):
        raise ValidationError(
            _(
                "The reference must be written in capital letters, digits, hyphens and full stops, "
                "for example M08, SEL-99 or S3.1."
            ),
            code="invalid_ref",
        )


class BasePage(Page):
    """Every page of the library: a stable `ref`, a summary for listings and search, alternates.

    The ref is shared by a page and its translations (synchronised by wagtail-localize) and is
    unique across the library: no two pages outside one translation group carry the same ref.
    """

    ref = models.CharField(
        _("reference"),
        max_length=40,
        db_index=True,
        validators=[validate_ref],
        help_text=_(
            "Stable reference from the content inventory, e.g. M08 or SEL-99. "
            "Never changed after publishing."
        ),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=600,
        help_text=_("A couple of sentences shown in listings and search results."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("ref"), FieldPanel("summary")], heading=_("Identity")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.FilterField("ref")]
    api_fields = [APIField("ref"), APIField("summary")]
    override_translatable_fields = [SynchronizedField("ref")]
    # Links to other pages that content files give by ref: {meta key: child relation}.
    content_relations: dict[str, str] = {}
    # Whether the library's search finds pages of this type (index pages and home do not).
    searchable = False

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._ref_in_db = instance.__dict__.get("ref")
        return instance

    def clean(self):
        super().clean()
        # Checked when the ref is new or changed: it costs a query per page type, and Wagtail
        # cleans the page on every save.
        changed = self.ref != getattr(self, "_ref_in_db", None)
        if self.ref and changed and self.ref_taken_by_other_page():
            raise ValidationError(
                {
                    "ref": _("The reference %(ref)s is already used by another page.")
                    % {"ref": self.ref}
                }
            )

    def linked(self, relation, request=None):
        """Live targets of one of the page's link relations (an Orderable with `target`), in the
        page's language and the links' order."""
        if snapshot.live_view(request, self):
            keys = snapshot.link_keys(request, getattr(self, relation).model).get(self.pk, [])
            return snapshot.localized(request, keys, self.locale_id)
        targets = [link.target for link in getattr(self, relation).all().select_related("target")]
        return localized_live_pages(targets, self.locale)

    def ref_taken_by_other_page(self):
        # A translation carries its source's ref, which was checked when the source took it.
        if type(self).objects.filter(translation_key=self.translation_key, ref=self.ref).exists():
            return False
        for model in get_page_models():
            if issubclass(model, BasePage) and not model._meta.abstract:
                others = model.objects.filter(ref=self.ref).exclude(
                    translation_key=self.translation_key
                )
                if others.exists():
                    return True
        return False

    def get_url_parts(self, request=None):
        # The pages in the content snapshot (core/snapshot.py) are shared by every request of
        # the process until the content changes, and each is linked from many pages: its address
        # is worked out once per language and site (Wagtail reverses a URL each time).
        memo = self.__dict__.get("_url_parts")
        if memo is None:
            return super().get_url_parts(request)
        site = Site.find_for_request(request) if request is not None else None
        key = (translation.get_language(), site.pk if site is not None else None)
        if key not in memo:
            memo[key] = super().get_url_parts(request)
        return memo[key]

    def get_view_restrictions(self):
        # core/routing.py found in the content snapshot that none applies to the page served.
        if getattr(self, "_unrestricted", False):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @cached_property
    def live_translations(self):
        """Live versions of this page in the other languages, for hreflang and the switcher."""
        return list(self.get_translations().live().select_related("locale"))

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        # After the save, when the taxonomy links are committed too. A full save (publishing)
        # rebuilds the search document; a draft revision's partial save leaves it alone.
        from search.documents import page_saved

        page_saved(self, kwargs.get("update_fields"))
        self._ref_in_db = self.ref  # saved: clean() need not check it again
        return result

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if snapshot.live_view(request, self):
            context["translations"] = snapshot.translations(request, self)
        else:
            context["translations"] = self.live_translations
        return context

    def file_stem(self, limit=80):
        """The start of the names of files made from the page: its title as a slug."""
        return slugify(self.title, allow_unicode=True)[:limit] or self.ref.lower()


class ReviewMixin(models.Model):
    """A library page is reviewed by a professional on a schedule: when it was last reviewed, and
    when it is due again (a year later unless the editor sets another date; law changes faster,
    so legal pages set a shorter `review_interval`). Pages past their date are listed in the
    admin report "Sider, der skal gennemgås"."""

    review_interval = timedelta(days=365)
    collects_feedback = True  # "Var siden nyttig?" (strategy/feedback.py) under the page

    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    review_due = models.DateField(
        _("review due"),
        null=True,
        blank=True,
        help_text=_(
            "When the page is to be reviewed again. Left empty, or not after the last review, "
            "it is set from the last review (or today) and the page type's interval."
        ),
    )

    review_panels = [FieldPanel("last_reviewed"), FieldPanel("review_due")]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        stale = self.last_reviewed and self.review_due and self.review_due <= self.last_reviewed
        if self.review_due is None or stale:
            self.review_due = self.default_review_due()
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "review_due"}
        result = super().save(*args, **kwargs)
        self._review_in_db = (self.last_reviewed, self.review_due)
        return result

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._review_in_db = (
            instance.__dict__.get("last_reviewed"),
            instance.__dict__.get("review_due"),
        )
        return instance

    def clean(self):
        # An editor who records a new review gets the next date worked out; a due date changed
        # in the same edit is kept. (Checked here, on the edited page, because the admin saves
        # a revision that is published later from a copy that has no memory of the old values.)
        super().clean()
        last_reviewed, review_due = getattr(self, "_review_in_db", (None, None))
        if self.last_reviewed != last_reviewed and self.review_due == review_due:
            self.review_due = self.default_review_due()

    def default_review_due(self):
        return (self.last_reviewed or timezone.localdate()) + self.review_interval

    @property
    def review_overdue(self):
        return self.review_due is not None and self.review_due < timezone.localdate()


class IntroBodyPage(BasePage):
    """A page of prose: an introduction and a body of shared blocks."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("content"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("intro"), APIField("body")]

    class Meta:
        abstract = True


def rich_text_field(verbose_name, help_text=""):
    """An optional rich-text field with the library's features (links, lists, bold …)."""
    return RichTextField(verbose_name, blank=True, features=RICH_TEXT_FEATURES, help_text=help_text)


class PageLink(Orderable):
    """A link from a page to another page, chosen in the admin; subclasses add `page` (a
    ParentalKey) and `target` (a ForeignKey to the page type linked to)."""

    panels = [PageChooserPanel("target")]

    class Meta(Orderable.Meta):
        abstract = True


class RelatedLink(Orderable):
    """A hand-picked related page ("se også"), shared by a page and its translations."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="related_links")
    target = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")


class SourcedPage(ReviewMixin, BasePage):
    """A page of the library built from the sources: where it comes from, and how current it is."""

    search_synonyms = models.TextField(
        _("search synonyms"),
        blank=True,
        help_text=_("Other words people search for: abbreviations, old names, spellings."),
    )
    also_refs = models.CharField(
        _("also covers"),
        max_length=200,
        blank=True,
        help_text=_("Other inventory refs this page also covers, separated by spaces."),
    )
    sources = StreamField(SourcesStreamBlock(), verbose_name=_("sources"), blank=True)
    described_year = models.PositiveSmallIntegerField(_("described in year"), null=True, blank=True)
    historical = models.BooleanField(
        _("historical"),
        default=False,
        help_text=_("Shows that the page describes past practice and law, to be checked."),
    )

    source_panels = [
        MultiFieldPanel(
            [
                FieldPanel("sources"),
                FieldPanel("described_year"),
                FieldPanel("historical"),
                *ReviewMixin.review_panels,
                FieldPanel("also_refs"),
                FieldPanel("search_synonyms"),
            ],
            heading=_("Sources and status"),
        ),
        InlinePanel("related_links", heading=_("Related pages"), label=_("related page")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("search_synonyms", boost=2),
        index.FilterField("historical"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("sources"),
        APIField("described_year"),
        APIField("historical"),
        APIField("last_reviewed"),
        APIField("review_due"),
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("also_refs"),
        SynchronizedField("sources"),
    ]
    content_relations = {"related": "related_links"}
    searchable = True

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related"] = self.related_pages(request)
        # Pages that carry the taxonomy (taxonomy.TaxonomyMixin) show their terms.
        taxonomy_terms = getattr(self, "taxonomy_terms", None)
        context["terms"] = taxonomy_terms(request) if taxonomy_terms else {}
        return context

    def source_list(self):
        titles = dict(SOURCE_DOCUMENTS)
        # Read as stored: every part is plain text, and making blocks of it (Wagtail checks each
        # document against the list of choices) cost more than the rest of the list.
        parts = [item["value"] for item in self.sources.raw_data]
        return [
            {
                "doc": part["doc"],
                "title": titles.get(part["doc"], ""),
                "lines": part.get("lines") or "",
                "note": part.get("note") or "",
            }
            for part in parts
        ]

    def related_pages(self, request=None):
        """Related pages in the page's language, live ones only."""
        return self.linked("related_links", request)

    def linking_pages(self, link_model, request=None):
        """Live pages in this page's language whose links of `link_model` (an Orderable with
        `page` and `target`) point to this page in any of its languages, in the order of the
        page tree: the methods resting on a provision, the situation guides using a method."""
        if snapshot.live_view(request, self):
            return snapshot.methods_linking(request, self, link_model)
        linking = link_model.objects.filter(target__translation_key=self.translation_key)
        pages = Page.objects.filter(pk__in=linking.values("page_id")).order_by("path")
        return localized_live_pages(list(pages), self.locale)

    def linked_both_ways(self, model, request=None):
        """Live pages of `model` in this page's language that this page links to or that link
        to it ("see also" either way): a method's templates, a template's methods."""
        if snapshot.live_view(request, self):
            keys = [
                *snapshot.link_keys(request, RelatedLink).get(self.pk, []),
                *snapshot.linking_keys(request, RelatedLink).get(self.translation_key, ()),
            ]
            pages = snapshot.localized(request, keys, self.locale_id)
            return sorted((p for p in pages if isinstance(p, model)), key=lambda p: p.title)
        # A draft's links are a modelcluster FakeQuerySet, whose values() are dicts, not a query.
        target_ids = [link.target_id for link in self.related_links.all()]
        own_keys = model.objects.filter(pk__in=target_ids).values_list("translation_key", flat=True)
        linking_keys = model.objects.filter(
            related_links__target__translation_key=self.translation_key
        ).values_list("translation_key", flat=True)
        return list(
            model.objects.live()
            .filter(locale_id=self.locale_id, translation_key__in={*own_keys, *linking_keys})
            .order_by("title")
        )


class ArticlePage(SourcedPage):
    """A sourced page of prose: an introduction and a body of shared blocks."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    body = StreamField(BodyStreamBlock(), verbose_name=_("content"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *SourcedPage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    api_fields = [*SourcedPage.api_fields, APIField("intro"), APIField("body")]

    class Meta:
        abstract = True


class IndexPage(BasePage):
    """A section front: an introduction and its live child pages with their summaries."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    parent_page_types = ["core.HomePage"]
    max_count_per_parent = 1
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    class Meta:
        abstract = True

    def child_pages(self):
        return list(self.get_children().live().public().specific())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.child_pages()
        return context


class HomePage(IntroBodyPage):
    """The front page: the search first, then what a practitioner came for (the sections that
    ask for a place here, such as the situation guides and the news), the most used pages, and
    the whole library's sections."""

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    page_description = _("The front page of the Method Library.")
    content_panels = [
        *IntroBodyPage.content_panels,
        InlinePanel(
            "related_links",
            heading=_("Most used"),
            label=_("page"),
            help_text=_(
                "The methods and templates shown under “Most used”, after the pages readers "
                "have found useful most often this year."
            ),
        ),
    ]
    content_relations = {"featured": "related_links"}

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = list(self.get_children().live().in_menu().specific())
        # A section that asks for it (`home_heading`, e.g. the situation guides: "Hvad står du
        # med?") lists its pages on the front page (`home_pages`, else its pages in order).
        context["featured"] = [
            (section, self._section_pages(section, request))
            for section in context["sections"]
            if getattr(section, "home_heading", None)
        ]
        context["most_used"] = self.most_used(request)
        return context

    def most_used(self, request=None, limit=6):
        """The pages readers use most (core/home.py), then the editors' choice, in this language."""
        keys = home.most_used_keys(limit * 2)
        if snapshot.live_view(request, self):
            used = snapshot.localized(request, keys, self.locale_id)
        else:
            pages = list(Page.objects.filter(translation_key__in=keys))
            used = localized_live_pages(pages, self.locale)
            used.sort(key=lambda p: keys.index(p.translation_key))
        chosen = [p for p in used if getattr(p, "searchable", False)]
        for page in self.linked("related_links", request):
            if page not in chosen:
                chosen.append(page)
        return chosen[:limit]

    def _section_pages(self, section, request):
        """The pages a section shows on the front page: its own choice, or the live, public pages
        right under it in the tree's order."""
        if hasattr(section, "home_pages"):
            return section.home_pages(request)
        if not snapshot.live_view(request, self):
            return section.child_pages()
        depth = len(section.path) + Page.steplen
        keys = [
            page.translation_key
            for page in sorted(
                snapshot.live_pages(request, self.locale_id).values(), key=lambda p: p.path
            )
            if len(page.path) == depth and page.path.startswith(section.path)
        ]
        return snapshot.localized(request, keys, self.locale_id)


class StandardPage(IntroBodyPage):
    page_description = _("A plain text page, e.g. about the site or the accessibility statement.")
    searchable = True

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    accessibility_statement = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page the footer link “Tilgængelighedserklæring” points to."),
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    publisher = models.CharField(
        _("publisher"),
        max_length=200,
        blank=True,
        help_text=_("The authority or organisation that publishes the library, shown at the top."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The publisher's logo, shown beside the library's name (48 px high)."),
    )

    panels = [
        FieldPanel("accessibility_statement"),
        FieldPanel("contact_email"),
        FieldPanel("publisher"),
        FieldPanel("logo"),
    ]

    class Meta:
        verbose_name = _("site settings")


class ContentImport(models.Model):
    """What `load_content` last imported for a ref and language, so it never overwrites an edit.

    If a page's latest revision is no longer the one recorded here, an editor has changed the page
    in the admin, and the file is not imported over it.
    """

    ref = models.CharField(max_length=40)
    language = models.CharField(max_length=8)
    checksum = models.CharField(max_length=64)
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("content import")
        constraints = [
            models.UniqueConstraint(fields=["ref", "language"], name="unique_content_import")
        ]

    def __str__(self):
        return f"{self.ref}/{self.language}"


class ContentStamp(models.Model):
    """One row whose token changes whenever something pages show of each other changes (a page
    published, unpublished or moved, a term, a setting …): each server process keeps what every
    page shows of the rest of the library (core/snapshot.py) until the token changes. In the
    database, so every worker and every server sees a change at once, with no cache server."""

    token = models.CharField(max_length=32)

    class Meta:
        verbose_name = _("content stamp")

    def __str__(self):
        return self.token
