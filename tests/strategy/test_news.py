"""News pages and their RSS and Atom feeds, read with a real feed parser."""

import datetime
import html
import re

from wagtail.models import Locale

import feedparser
import pytest

from strategy.models import NewsPage
from tests.conftest import page_by_ref

pytestmark = pytest.mark.django_db

NEWS = ["NYHED-003", "NYHED-002", "NYHED-001"]  # newest first


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def feed_links(page_html):
    return dict(
        re.findall(
            r'<link rel="alternate" type="application/(rss|atom)\+xml" '
            r'title="[^"]*" href="([^"]+)"',
            page_html,
        )
    )


@pytest.mark.parametrize("language", ["da", "en"])
def test_news_index_lists_the_news_newest_first(client, language):
    index = page_by_ref("SITE-NYHEDER", language)
    body = html.unescape(fetch(client, index.url).content.decode())
    positions = [body.index(page_by_ref(ref, language).title) for ref in NEWS]
    assert positions == sorted(positions)
    assert "23. november 2026" in body if language == "da" else "23 November 2026" in body


@pytest.mark.parametrize("ref", ["SITE-NYHEDER", "NYHED-001"])
def test_feeds_are_linked_from_the_page_head(client, ref):
    page_html = fetch(client, page_by_ref(ref).url).content.decode()
    head = page_html[: page_html.index("</head>")]
    links = feed_links(head)
    assert set(links) == {"rss", "atom"}
    for kind, url in links.items():
        response = fetch(client, url)
        assert response["Content-Type"].startswith(f"application/{kind}+xml")


@pytest.mark.parametrize(("kind", "version"), [("rss", "rss20"), ("atom", "atom10")])
@pytest.mark.parametrize("language", ["da", "en"])
def test_feed_parses_and_lists_every_live_news_item(client, kind, version, language):
    index = page_by_ref("SITE-NYHEDER", language)
    feed = feedparser.parse(fetch(client, f"{index.url}{kind}/").content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    assert feed.feed.title == f"{index.title} · Metodebiblioteket"
    assert feed.feed.get("language", language).startswith(language)
    entries = [(e.title, e.link) for e in feed.entries]
    expected = [(page_by_ref(r, language).title, page_by_ref(r, language).full_url) for r in NEWS]
    assert entries == expected
    first = feed.entries[0]
    assert first.summary == page_by_ref(NEWS[0], language).summary
    assert first.published_parsed[:3] == (2026, 11, 29)


def test_a_published_news_item_reaches_the_feed_and_an_unpublished_one_leaves_it(client):
    index = page_by_ref("SITE-NYHEDER")
    news = NewsPage(
        title="Nyt kursus om netværksmøder",
        slug="nyt-kursus",
        ref="NYHED-TEST",
        summary="Et nyt kursus.",
        date=datetime.date(2026, 12, 1),
        locale=Locale.objects.get(language_code="da"),
    )
    index.add_child(instance=news)
    news.save_revision().publish()
    feed = feedparser.parse(fetch(client, f"{index.url}rss/").content)
    assert feed.entries[0].title == "Nyt kursus om netværksmøder"
    page_by_ref("NYHED-002").unpublish()
    titles = [e.title for e in feedparser.parse(fetch(client, f"{index.url}atom/").content).entries]
    assert page_by_ref("NYHED-001").title in titles
    assert all("udfyldes online" not in t for t in titles)


def test_news_page_shows_its_date_and_links_back(client):
    news = page_by_ref("NYHED-002")
    body = fetch(client, news.url).content.decode()
    assert '<time datetime="2026-11-25">25. november 2026</time>' in body
    assert page_by_ref("SITE-NYHEDER").url in body
