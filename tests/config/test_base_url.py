"""Every absolute link the site writes points at BASE_URL, the one address the site runs at:
production refuses to start without it, and `prepare_site` gives the default Site its host and
port (Wagtail's default Site, `localhost:80`, made every link in the feeds, the calendar, the
handouts and the page API point nowhere)."""

import icalendar
import pytest

from core.sites import point_default_site
from tests.config.test_settings import SECRET, run_manage
from tests.conftest import page_by_ref

BASE = "http://127.0.0.1:8123"


def test_production_refuses_to_start_without_base_url():
    result = run_manage("check", SECRET_KEY=SECRET, ALLOWED_HOSTS="example.dk", BASE_URL="")
    assert result.returncode != 0
    assert "BASE_URL skal være sat" in result.stderr


def test_production_refuses_to_start_without_a_way_to_send_email():
    result = run_manage("check", SECRET_KEY=SECRET, ALLOWED_HOSTS="example.dk", EMAIL_URL="")
    assert result.returncode != 0
    assert "EMAIL_URL skal være sat" in result.stderr


@pytest.fixture
def site_at_base(db, settings):
    assert point_default_site(BASE)
    settings.WAGTAILAPI_BASE_URL = BASE
    assert not point_default_site(BASE)  # the second run changes nothing


@pytest.mark.usefixtures("site_at_base")
def test_feeds_calendar_handouts_and_api_link_to_the_base_url(client):
    import feedparser

    from strategy.models import NewsIndexPage

    index = NewsIndexPage.objects.live().filter(locale__language_code="da").first()
    feed = feedparser.parse(client.get(f"{index.url}rss/").content)
    links = [feed.feed.link, *(entry.link for entry in feed.entries)]
    assert feed.entries and all(link.startswith(f"{BASE}/") for link in links), links

    strategy = page_by_ref("S6.1")
    calendar = icalendar.Calendar.from_ical(client.get(f"{strategy.url}plan/ics/").content)
    urls = [str(event["URL"]) for event in calendar.walk("VEVENT") if "URL" in event]
    descriptions = " ".join(str(event.get("DESCRIPTION", "")) for event in calendar.walk("VEVENT"))
    assert all(url.startswith(f"{BASE}/") for url in urls)
    assert "http://localhost" not in descriptions

    method = page_by_ref("M08")
    detail = client.get(f"/api/v2/pages/{method.pk}/").json()
    assert detail["meta"]["html_url"] == f"{BASE}{method.url}"
    listing = client.get("/api/v2/pages/", {"limit": 5}).json()
    assert all(
        item["meta"]["detail_url"].startswith(f"{BASE}/api/v2/") for item in listing["items"]
    )
    assert page_by_ref("S4.1").full_url.startswith(f"{BASE}/")
