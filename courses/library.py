"""A course's programme, with its library pages as they are now.

Each chosen page is shown in the course's language when it has a live translation, otherwise in
the library's source language (marked, so screen readers read it as such); a page that is not
live, sits behind a view restriction, or has been deleted is left out, and the editors are told.
"""

import hashlib
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from wagtail.models import Locale, Page

from courses.blocks import EXERCISE_KINDS, minutes_label


@dataclass
class Item:
    page: Page
    note: str
    language: str  # the page's language when it is not the course's, else ""

    @property
    def kind(self):
        return self.page._meta.verbose_name

    @property
    def steps(self):
        """A method's steps, as (heading, rich text) pairs."""
        steps = getattr(self.page, "steps", None)
        return [(step.value["heading"], step.value["body"]) for step in steps] if steps else []

    @property
    def is_template(self):
        return self.page._meta.label == "downloads.TemplatePage"


@dataclass
class Exercise:
    kind: str
    title: str
    minutes: int
    instructions: object

    @property
    def kind_label(self):
        return dict(EXERCISE_KINDS).get(self.kind, self.kind)

    @property
    def minutes_label(self):
        return minutes_label(self.minutes)


@dataclass
class Session:
    number: int
    day: int
    title: str
    minutes: int
    start: int  # minutes from the start of its day
    description: object
    goals: list[str]
    items: list[Item]
    exercises: list[Exercise]
    trainer_notes: object

    @property
    def duration_label(self):
        from courses.models import format_minutes

        return format_minutes(self.minutes)

    @property
    def time_span(self):
        def clock(minutes):
            return f"{minutes // 60}:{minutes % 60:02d}"

        return f"{clock(self.start)}–{clock(self.start + self.minutes)}"


@dataclass
class Day:
    number: int
    sessions: list[Session] = field(default_factory=list)

    @property
    def minutes(self):
        return sum(session.minutes for session in self.sessions)

    @property
    def duration_label(self):
        from courses.models import format_minutes

        return format_minutes(self.minutes)


@dataclass
class Program:
    days: list[Day]
    warnings: list[str]
    library_state: str  # changes when a page the course shows is published again or goes

    @property
    def sessions(self):
        return [session for day in self.days for session in day.sessions]


def _shown_versions(course, chosen):
    """{translation key: the live, public version to show}: the course's language first, then
    the version the editor chose, then the library's source language."""
    default_locale_id = Locale.get_default().pk
    chosen_ids = {page.pk for page in chosen}

    def rank(page):
        if page.locale_id == course.locale_id:
            return 0
        return 1 if page.pk in chosen_ids else 2 if page.locale_id == default_locale_id else None

    shown = {}
    candidates = (
        Page.objects.live()
        .public()
        .filter(translation_key__in={page.translation_key for page in chosen})
        .select_related("locale")
        .specific()
    )
    for page in candidates:
        current = shown.get(page.translation_key)
        if rank(page) is not None and (current is None or rank(page) < rank(current)):
            shown[page.translation_key] = page
    return shown


def _left_out(page, session_title):
    if page is None:
        return _("Session “%(session)s”: a chosen page has been deleted.") % {
            "session": session_title
        }
    if not page.live:
        return _("Session “%(session)s”: “%(page)s” is not published.") % {
            "session": session_title,
            "page": page.title,
        }
    return _("Session “%(session)s”: “%(page)s” is not public (it has a view restriction).") % {
        "session": session_title,
        "page": page.title,
    }


def course_program(course):
    chosen = [page for page in course.chosen_pages() if page is not None]
    shown = _shown_versions(course, chosen) if chosen else {}
    language = course.locale.language_code
    days, warnings, number = {}, [], 0
    for block in course.sessions:
        value = block.value
        number += 1
        items = []
        for item in value["items"]:
            page = item["page"]
            version = shown.get(page.translation_key) if page is not None else None
            if version is None:
                warnings.append(_left_out(page, value["title"]))
                continue
            page_language = version.locale.language_code
            items.append(
                Item(version, item["note"], page_language if page_language != language else "")
            )
        day = days.setdefault(value["day"], Day(value["day"]))
        day.sessions.append(
            Session(
                number=number,
                day=value["day"],
                title=value["title"],
                minutes=value["minutes"],
                start=day.minutes,
                description=value["description"],
                goals=list(value["goals"]),
                items=items,
                exercises=[
                    Exercise(e["kind"], e["title"], e["minutes"], e["instructions"])
                    for e in value["exercises"]
                ],
                trainer_notes=value["trainer_notes"],
            )
        )
    state = ",".join(
        f"{p.pk}:{p.live_revision_id}" for p in sorted(shown.values(), key=lambda p: p.pk)
    )
    return Program(
        days=[days[number] for number in sorted(days)],
        warnings=warnings,
        library_state=hashlib.sha256(state.encode()).hexdigest()[:16],
    )
