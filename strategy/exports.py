"""The activity plan of an information strategy as iCalendar (RFC 5545) and CSV."""

import csv
import datetime
import io

from django.utils import timezone, translation
from django.utils.translation import gettext as _

import icalendar

from strategy.blocks import STATUSES

# Activity status → the event status iCalendar knows.
EVENT_STATUS = {
    "planned": "TENTATIVE",
    "in_progress": "CONFIRMED",
    "done": "CONFIRMED",
    "cancelled": "CANCELLED",
}
# A cell a spreadsheet would read as a formula starts with one of these (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _status_label(code):
    return str(dict(STATUSES).get(code, code))


def _details(value):
    lines = [value["description"]] if value["description"] else []
    lines += [
        f"{_('Audience')}: {value['audience']}",
        f"{_('Channel')}: {value['channel']}",
        f"{_('Owner')}: {value['owner']}",
        f"{_('Status')}: {_status_label(value['status'])}",
    ]
    return "\n".join(lines)


def activity_calendar(page, request):
    """One all-day event per activity, from its start to its end (inclusive)."""
    with translation.override(page.locale.language_code):
        calendar = icalendar.Calendar()
        calendar.add("prodid", "-//Metodebiblioteket//Informationsstrategi//DA")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", page.title)
        stamp = page.last_published_at or timezone.now()
        url = page.get_full_url(request) or ""
        for block in page.timeline():
            value = block.value
            event = icalendar.Event()
            event.add("uid", f"{page.translation_key}-{block.id}@metodebiblioteket")
            event.add("dtstamp", stamp)
            event.add("dtstart", value["start"])
            # DTEND of an all-day event is the day after the last one.
            event.add("dtend", (value["end"] or value["start"]) + datetime.timedelta(days=1))
            event.add("summary", value["activity"])
            event.add("description", _details(value))
            event.add("status", EVENT_STATUS[value["status"]])
            event.add("categories", [value["channel"]])
            if url:
                event.add("url", url)
            calendar.add_component(event)
        return calendar.to_ical()


def _cell(text):
    text = str(text or "")
    return "'" + text if text.startswith(FORMULA_START) else text


def activity_csv(page):
    """Semicolon-separated with a byte order mark, as Danish spreadsheets open it."""
    with translation.override(page.locale.language_code):
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow(
            [
                _("From"),
                _("To"),
                _("Activity"),
                _("Description"),
                _("Audience"),
                _("Channel"),
                _("Owner"),
                _("Status"),
            ]
        )
        for block in page.timeline():
            value = block.value
            writer.writerow(
                [
                    value["start"].isoformat(),
                    (value["end"] or value["start"]).isoformat(),
                    _cell(value["activity"]),
                    _cell(value["description"]),
                    _cell(value["audience"]),
                    _cell(value["channel"]),
                    _cell(value["owner"]),
                    _status_label(value["status"]),
                ]
            )
        return ("\ufeff" + out.getvalue()).encode("utf-8")
