"""Courses for trainers, composed from the library's own pages.

A course links the pages it uses (chosen, never copied), so its page, handout and trainer guide
always show the library as it is now: a page that is unpublished or deleted drops out of the
public course, and editors are warned on the course.
"""

import uuid

from django import forms
from django.core.cache import cache
from django.db import models, transaction
from django.http import Http404, HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import RICH_TEXT_FEATURES
from core.models import BasePage, IndexPage, ReviewMixin
from courses.blocks import GoalsStreamBlock, SessionsStreamBlock
from courses.panels import LibraryWarningsPanel
from taxonomy.models import Audience, Category, TargetGroup, TermsMixin, many_terms

DOWNLOAD_CACHE_SECONDS = 24 * 3600
HANDOUT_VERSION = 1  # raise when courses/handouts.py changes what the files contain
VARIANTS = {"handout": _("Participant handout"), "guide": _("Trainer guide")}
DOWNLOAD_FORMATS = ("pdf", "docx", "odt")

# The catalogue's duration filter: a course's length, from its sessions.
DURATIONS = [
    ("half-day", _("Up to half a day")),
    ("day", _("One day")),
    ("days", _("More than one day")),
]
HALF_DAY_MINUTES = 4 * 60


def duration_code(total_minutes, day_count):
    if day_count > 1:
        return "days"
    return "half-day" if total_minutes <= HALF_DAY_MINUTES else "day"


def format_minutes(minutes):
    """ "6 timer 30 min." / "6 hours 30 min": how long, for people, not for machines."""
    hours, rest = divmod(minutes or 0, 60)
    parts = []
    if hours:
        parts.append(ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours})
    if rest or not hours:
        parts.append(_("%(count)d min.") % {"count": rest})
    return " ".join(parts)


class CourseIndexPage(IndexPage):
    """The course catalogue, filtered by audience, duration and topic."""

    subpage_types = ["courses.CoursePage"]
    template = "courses/course_index_page.html"
    page_description = _("The course catalogue for trainers.")

    class Meta:
        verbose_name = _("course catalogue")

    def serve(self, request, *args, **kwargs):
        from courses.catalogue import Catalogue

        catalogue = Catalogue(self, request.GET)
        context = self.get_context(request, *args, **kwargs)
        context["catalogue"] = catalogue
        count = len(catalogue.results)
        context["results_label"] = ngettext("%(counter)s course", "%(counter)s courses", count) % {
            "counter": count
        }
        return TemplateResponse(
            request,
            self.get_template(request, *args, **kwargs),
            context,
            status=400 if catalogue.errors else 200,
        )


class CoursePage(RoutablePageMixin, TermsMixin, ReviewMixin, BasePage):
    """A course: who it is for, what participants learn, and its sessions in order."""

    description = RichTextField(_("about the course"), blank=True, features=RICH_TEXT_FEATURES)
    audience_text = models.TextField(
        _("who the course is for"),
        blank=True,
        help_text=_("The professions and workplaces the course is written for."),
    )
    prerequisites = RichTextField(_("prerequisites"), blank=True, features=RICH_TEXT_FEATURES)
    learning_goals = StreamField(
        GoalsStreamBlock(),
        verbose_name=_("learning goals"),
        blank=True,
        help_text=_("What participants can do after the course."),
    )
    sessions = StreamField(SessionsStreamBlock(), verbose_name=_("sessions"))
    trainer_notes = RichTextField(
        _("notes for the trainer"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Preparation, materials and room. Shown only in the trainer guide."),
    )
    topics = many_terms(Category, _("topics"), _("The method categories the course covers."))
    audiences = many_terms(Audience, _("audiences"))
    target_groups = many_terms(
        TargetGroup, _("target groups"), _("The citizens the course is about.")
    )
    # Kept from the sessions on every save, so the catalogue can filter on them.
    total_minutes = models.PositiveIntegerField(
        _("total duration in minutes"), default=0, editable=False
    )
    day_count = models.PositiveSmallIntegerField(_("days"), default=1, editable=False)

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types: list[str] = []
    template = "courses/course_page.html"
    page_description = _("A course built from the library's methods, cases and exercises.")
    searchable = True

    TAXONOMY_MANY = {"topics": "category", "audiences": "audience", "target_groups": "target_group"}

    content_panels = [
        LibraryWarningsPanel(),
        *BasePage.content_panels,
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("audience_text"),
                FieldPanel("prerequisites"),
                FieldPanel("learning_goals"),
            ],
            heading=_("Audience and goals"),
        ),
        FieldPanel("sessions"),
        FieldPanel("trainer_notes"),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Taxonomy"),
        ),
        MultiFieldPanel(ReviewMixin.review_panels, heading=_("Review")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("audience_text"),
        index.SearchField("learning_goals"),
        index.SearchField("public_session_text"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("description"),
        APIField("audience_text"),
        APIField("prerequisites"),
        APIField("learning_goals"),
        APIField("total_minutes"),
        APIField("day_count"),
        APIField("last_reviewed"),
        APIField("review_due"),
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *(SynchronizedField(name) for name in TAXONOMY_MANY),
    ]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    # --- Derived from the sessions ---------------------------------------------------------------

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None:
            self.total_minutes = sum(block.value["minutes"] for block in self.sessions)
            self.day_count = max((block.value["day"] for block in self.sessions), default=1)
        with transaction.atomic():
            result = super().save(*args, **kwargs)
            if update_fields is None:
                self.record_library_links()
        return result

    def record_library_links(self):
        """Which library pages the saved course uses, by translation key, so a method page can
        list its courses in any language without reading every course's sessions."""
        keys = {item.translation_key for item in self.chosen_pages() if item is not None}
        self.library_links.all().delete()
        CourseLibraryLink.objects.bulk_create(
            [CourseLibraryLink(course=self, target_key=key) for key in keys]
        )

    def chosen_pages(self):
        """Every page the sessions choose, in order (None for one that has been deleted)."""
        return [item["page"] for block in self.sessions for item in block.value["items"]]

    def public_session_text(self):
        """The sessions as search sees them: without the trainer notes, which belong to the
        guide."""
        parts = []
        for block in self.sessions:
            value = block.value
            parts += [value["title"], str(value["description"] or ""), *value["goals"]]
            parts += [item["note"] for item in value["items"]]
            for exercise in value["exercises"]:
                parts += [exercise["title"], str(exercise["instructions"])]
        return " ".join(p for p in parts if p)

    @property
    def duration_label(self):
        return format_minutes(self.total_minutes)

    @property
    def duration_code(self):
        return duration_code(self.total_minutes, self.day_count)

    @property
    def days_label(self):
        """ "2 days": how many days the course takes, for the public pages."""
        return ngettext("%(counter)s day", "%(counter)s days", self.day_count) % {
            "counter": self.day_count
        }

    # --- The page ------------------------------------------------------------------------------

    @cached_property
    def program(self):
        from courses.library import course_program

        return course_program(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["program"] = self.program
        # A course of several days has a heading per day, and its sessions one level below.
        level = 4 if len(self.program.days) > 1 else 3
        context["session_heading"], context["session_subheading"] = level, level + 1
        context["terms"] = self.taxonomy_terms(request)
        context["variants"] = VARIANTS
        context["formats"] = DOWNLOAD_FORMATS
        # Editors see what the public course leaves out, in the preview and in the admin.
        if getattr(request, "is_preview", False):
            context["library_warnings"] = self.program.warnings
        return context

    # --- Printed material ----------------------------------------------------------------------

    def file_name(self, variant, file_format):
        suffix = {"handout": "deltagermateriale", "guide": "underviservejledning"}[variant]
        return f"{self.file_stem()}-{suffix}.{file_format}"

    @path("download/<str:file_format>/", name="download")
    def download(self, request, file_format):
        """The participant handout or the trainer guide, from the course and the library as
        they are now: cached per course revision and the revisions of the pages it uses."""
        from django.utils.translation import gettext

        from courses.handouts import write_material
        from downloads.models import TemplatePage

        if file_format not in DOWNLOAD_FORMATS:
            raise Http404
        variant = request.GET.get("variant", "handout")
        if variant not in VARIANTS:
            return HttpResponseBadRequest(
                gettext("Unknown material “%(variant)s”: choose handout or guide.")
                % {"variant": variant[:40]},
                content_type="text/plain; charset=utf-8",
            )
        program = self.program
        key = (
            f"course-download:{HANDOUT_VERSION}:{self.pk}:{self.live_revision_id}:"
            f"{program.library_state}:{variant}:{file_format}"
        )
        content = cache.get(key)
        if content is None:
            content = write_material(self, program, request, variant, file_format)
            cache.set(key, content, DOWNLOAD_CACHE_SECONDS)
        return TemplatePage.file_response(
            content, file_format, self.file_name(variant, file_format)
        )


class CourseLibraryLink(models.Model):
    """A library page a published course uses, by the page's translation key."""

    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="library_links")
    target_key = models.UUIDField(default=uuid.uuid4, db_index=True)

    class Meta:
        verbose_name = _("library page used by a course")
        constraints = [
            models.UniqueConstraint(fields=["course", "target_key"], name="unique_course_link")
        ]

    def __str__(self):
        return f"{self.course_id} → {self.target_key}"


def courses_using(page, request=None):
    """Live, public courses in the page's language that use the page."""
    from core.snapshot import live_view, localized, shared

    if live_view(request, page):

        def compute():
            # The courses as the snapshot's cards (title, address, summary): a whole course,
            # read once per link, kept every session's text in each worker (8 MB).
            public = CoursePage.objects.live().public().filter(locale_id=page.locale_id)
            keys = public.values_list("translation_key", flat=True)
            courses = sorted(
                localized(request, keys, page.locale_id),
                key=lambda course: (course.title, course.pk),
            )
            by_id = {course.pk: course for course in courses}
            using = {}
            rows = CourseLibraryLink.objects.filter(course_id__in=by_id).values_list(
                "target_key", "course_id"
            )
            for target_key, course_id in rows:
                using.setdefault(target_key, []).append(by_id[course_id])
            for listed in using.values():
                listed.sort(key=courses.index)
            return using

        return shared(request, f"courses_using:{page.locale_id}", compute).get(
            uuid.UUID(str(page.translation_key)), []
        )
    return list(
        CoursePage.objects.live()
        .public()
        .filter(locale_id=page.locale_id, library_links__target_key=page.translation_key)
        .distinct()
        .order_by("title")
    )
