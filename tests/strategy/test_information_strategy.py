"""The information strategy page (S6.1): its parts, the timeline, and the activity plan as
iCalendar and CSV, read back with real parsers."""

import csv
import datetime
import html
import io

from django.core.exceptions import ValidationError

import icalendar
import pytest

from strategy.blocks import ActivityBlock
from tests.conftest import page_by_ref

pytestmark = pytest.mark.django_db


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


@pytest.mark.parametrize("language", ["da", "en"])
def test_strategy_page_shows_purpose_audiences_timeline_and_indicators(client, language):
    page = page_by_ref("S6.1", language)
    body = html.unescape(fetch(client, page.url).content.decode())
    headings = (
        ["Formål og mål", "Målgrupper, budskaber og kanaler", "Aktivitetsplan", "Indikatorer"]
        if language == "da"
        else [
            "Purpose and goals",
            "Audiences, messages and channels",
            "Activity plan",
            "Indicators",
        ]
    )
    for heading in headings:
        assert heading in body
    for block in page.audiences_plan:
        assert block.value["audience"] in body
    for block in page.activities:
        assert block.value["activity"] in body
    assert f"{page.url}plan/ics/" in body and f"{page.url}plan/csv/" in body


def test_the_odense_strategy_has_the_sources_parts():
    page = page_by_ref("S6.1")
    audiences = [b.value["audience"] for b in page.audiences_plan]
    assert {"Pårørende", "Boligforeninger og viceværter", "Apoteker og biblioteker"} <= set(
        audiences
    )
    activities = " ".join(b.value["activity"] for b in page.activities)
    assert "alarmsignaler" in activities and "Links på relevante hjemmesider" in activities
    assert len(page.indicators) == 3


def test_timeline_is_in_order_of_start(client):
    page = page_by_ref("S6.1")
    page.activities = [
        *page.activities.raw_data,
        {
            "type": "activity",
            "value": {
                "start": "2007-05-01",
                "end": None,
                "activity": "Tidligste aktivitet",
                "description": "",
                "audience": "Alle",
                "channel": "Møde",
                "owner": "Ledelsen",
                "status": "done",
            },
        },
    ]
    page.save_revision().publish()
    body = fetch(client, page.url).content.decode()
    assert body.index("Tidligste aktivitet") < body.index("Hæfte med vigtige alarmsignaler")
    assert "Status: Gennemført" in body


@pytest.mark.parametrize("language", ["da", "en"])
def test_activity_plan_as_icalendar(client, language):
    page = page_by_ref("S6.1", language)
    response = fetch(client, f"{page.url}plan/ics/")
    assert response["Content-Type"].startswith("text/calendar")
    assert "aktivitetsplan.ics" in response["Content-Disposition"]
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == [b.value["activity"] for b in page.timeline()]
    first = events[0]
    assert first.decoded("DTSTART") == datetime.date(2008, 8, 1)
    assert first.decoded("DTEND") == datetime.date(2010, 7, 1)  # the day after the last
    assert str(first["STATUS"]) == "TENTATIVE"
    assert len({str(e["UID"]) for e in events}) == len(events)
    assert page.timeline()[0].value["owner"] in str(first["DESCRIPTION"])


@pytest.mark.parametrize("language", ["da", "en"])
def test_activity_plan_as_csv(client, language):
    page = page_by_ref("S6.1", language)
    response = fetch(client, f"{page.url}plan/csv/")
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    header = rows[0]
    assert header[:3] == (
        ["Fra", "Til", "Aktivitet"] if language == "da" else ["From", "To", "Activity"]
    )
    assert len(rows) == 1 + len(page.activities)
    assert rows[1][0] == "2008-08-01" and rows[1][1] == "2010-06-30"
    assert rows[1][7] == ("Planlagt" if language == "da" else "Planned")


def test_csv_cells_cannot_become_spreadsheet_formulas(client):
    page = page_by_ref("S6.1")
    raw = page.activities.raw_data
    raw[0]["value"]["activity"] = '=HYPERLINK("http://example.invalid")'
    page.activities = list(raw)
    page.save_revision().publish()
    text = fetch(client, f"{page.url}plan/csv/").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    assert ";=HYPERLINK" not in text


def test_an_activity_cannot_end_before_it_starts():
    block = ActivityBlock()
    value = block.to_python(
        {
            "start": "2009-05-01",
            "end": "2009-04-01",
            "activity": "Baglæns",
            "description": "",
            "audience": "Alle",
            "channel": "Møde",
            "owner": "Ledelsen",
            "status": "planned",
        }
    )
    with pytest.raises(ValidationError):
        block.clean(value)
