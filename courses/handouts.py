"""A course's printed material: the participant handout and the trainer guide.

Both are assembled from the course and the library as it is now: for each method its summary and
steps, for each template its name and a link, for other pages their summary and a link. The
trainer guide adds the timetable and the trainer notes, which the handout never contains. The
parts are the ones downloads/writers.py turns into DOCX, ODT and PDF.
"""

import re

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.rich_text import expand_db_html

from bs4 import BeautifulSoup

from core import richtext
from core.utils import plain_text
from downloads.writers import docx_from_parts, odt_from_parts, pdf_from_parts

_SPACE = re.compile(r"\s+")


def rich_lines(html):
    """Rich text as ("line", text) paragraphs and ("bullet", text) list items."""
    html = expand_db_html(str(html or ""))
    soup = BeautifulSoup(html, "html.parser")
    blocks = soup.find_all(["p", "li", "h2", "h3", "h4"])
    if not blocks:
        text = plain_text(html)
        return [("line", text)] if text else []
    lines = []
    for element in blocks:
        if element.name != "li" and element.find_parent("li") is not None:
            continue
        text = _SPACE.sub(" ", element.get_text(" ", strip=True)).strip()
        if text:
            lines.append(("bullet" if element.name == "li" else "line", text))
    return lines


def _days_label(count):
    return ngettext("%(count)d day", "%(count)d days", count) % {"count": count}


def _item_parts(item, request):
    url = item.page.get_full_url(request) or ""
    if item.is_template:
        yield ("heading", 3, item.page.title)
        if item.note:
            yield ("help", item.note)
        yield ("link", _("Template: %(name)s") % {"name": item.page.title}, url)
        return
    yield ("heading", 3, f"{item.page.title} ({item.kind})")
    if item.note:
        yield ("help", item.note)
    if item.page.summary:
        yield ("line", item.page.summary)
    for number, (heading, body) in enumerate(item.steps, start=1):
        yield ("bullet", f"{number}. {heading}: {plain_text(body)}")
    yield ("link", _("Read more in Metodebiblioteket"), url)


def material_parts(course, program, request, variant):
    from courses.models import VARIANTS, format_minutes

    guide = variant == "guide"
    yield ("heading", 0, course.title)
    yield ("line", str(VARIANTS[variant]))
    if course.summary:
        yield ("line", course.summary)
    duration = _("Duration: %(total)s") % {"total": format_minutes(course.total_minutes)}
    if course.day_count > 1:
        duration += f" ({_days_label(course.day_count)})"
    yield ("line", duration)
    yield (
        "line",
        _("From Metodebiblioteket: %(url)s") % {"url": course.get_full_url(request) or ""},
    )

    if course.description:
        yield ("heading", 1, _("About the course"))
        yield from rich_lines(course.description)
    if course.audience_text:
        yield ("heading", 1, _("Who the course is for"))
        yield ("line", course.audience_text)
    if course.prerequisites:
        yield ("heading", 1, _("Prerequisites"))
        yield from rich_lines(course.prerequisites)
    if course.learning_goals:
        yield ("heading", 1, _("Learning goals"))
        for goal in course.learning_goals:
            yield ("bullet", goal.value)

    if guide:
        yield ("heading", 1, _("Timetable"))
        header = [_("Day"), _("Time from the start of the day"), _("Session"), _("Duration")]
        rows = [
            [str(s.day), s.time_span, f"{s.number}. {s.title}", s.duration_label]
            for s in program.sessions
        ]
        yield ("table", (header, rows))
        if course.trainer_notes:
            yield ("heading", 1, _("For the trainer"))
            yield from rich_lines(course.trainer_notes)

    for day in program.days:
        for session in day.sessions:
            title = f"{session.number}. {session.title} ({session.duration_label})"
            if len(program.days) > 1:
                title = _("Day %(day)s") % {"day": day.number} + f" · {title}"
            yield ("heading", 1, title)
            yield from rich_lines(session.description)
            if session.goals:
                yield ("heading", 2, _("Learning goals"))
                for goal in session.goals:
                    yield ("bullet", goal)
            if session.exercises:
                yield ("heading", 2, _("Exercises"))
                for exercise in session.exercises:
                    yield (
                        "heading",
                        3,
                        f"{exercise.kind_label}: {exercise.title} "
                        f"({format_minutes(exercise.minutes)})",
                    )
                    yield from rich_lines(exercise.instructions)
            if session.items:
                yield ("heading", 2, _("From the library"))
                for item in session.items:
                    yield from _item_parts(item, request)
            if guide and session.trainer_notes:
                yield ("heading", 2, _("Notes for the trainer"))
                yield from rich_lines(session.trainer_notes)


def write_material(course, program, request, variant, file_format):
    from courses.models import VARIANTS

    language = course.locale.language_code
    with translation.override(language):
        title = f"{course.title} – {VARIANTS[variant]}"
        parts = richtext.for_documents(material_parts(course, program, request, variant), request)
        writer = {"docx": docx_from_parts, "odt": odt_from_parts, "pdf": pdf_from_parts}
        return writer[file_format](title, language, parts)
