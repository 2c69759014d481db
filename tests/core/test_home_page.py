"""The home page starts the job: the search first, the situation guides, the most used methods and
templates (readers' "useful" answers first, then the editors' choice) and the latest news."""

import datetime

from django.core.cache import cache

import pytest
from bs4 import BeautifulSoup

from search import service
from search.models import SearchQuery
from strategy.models import PageFeedback
from tests.conftest import page_by_ref

pytestmark = pytest.mark.django_db

EDITORS_CHOICE = ["M08", "M01", "M37", "S4.3", "S4.2", "S4.11"]


@pytest.fixture(autouse=True)
def fresh_usage():
    """What the searches say is kept for an hour in the default cache: each test starts anew."""
    cache.clear()
    yield
    cache.clear()


def home(client, path="/"):
    return BeautifulSoup(client.get(path).content, "html.parser")


def most_used(soup):
    heading = soup.find("h2", string="Mest brugt") or soup.find("h2", string="Most used")
    return [a.get_text() for a in heading.find_parent("section").select("h3 a")]


def titles(refs, language="da"):
    return [page_by_ref(ref, language).title for ref in refs]


def test_the_search_box_is_the_first_thing_on_the_home_page(client):
    soup = home(client)
    main = soup.find("main")
    first_form = main.find("form")
    assert first_form["role"] == "search"
    assert first_form.find("input", attrs={"name": "q"})
    assert first_form.find("label").get_text(strip=True) == "Hvad leder du efter?"
    # The header has no second search box on the home page.
    assert not soup.find("header").find("input", attrs={"name": "q"})
    # The search comes before the situation guides and everything else on the page.
    order = [el.name for el in main.find_all(["form", "h2"])]
    assert order[0] == "form"
    assert main.find_all("h2")[0].get_text() == "Hvad står du med?"


def test_most_used_is_the_editors_choice_until_readers_have_answered(client):
    assert most_used(home(client)) == titles(EDITORS_CHOICE)
    assert most_used(home(client, "/en/")) == titles(EDITORS_CHOICE, "en")


def test_pages_readers_found_useful_this_year_come_first(client):
    today = datetime.date.today()
    template = page_by_ref("S4.1")  # not among the editors' choice
    method = page_by_ref("M13", "en")  # an answer on the English page counts for both languages
    for _ in range(3):
        PageFeedback.objects.create(page=template, useful=True)
    PageFeedback.objects.create(page=method, useful=True)
    PageFeedback.objects.create(page=method, useful=True, date=today)
    # Answers that the page did not help, and answers from more than a year ago, do not count.
    for _ in range(5):
        PageFeedback.objects.create(page=page_by_ref("M20"), useful=False)
        PageFeedback.objects.create(
            page=page_by_ref("M21"), useful=True, date=today - datetime.timedelta(days=400)
        )
    shown = most_used(home(client))
    assert shown == titles(["S4.1", "M13", *EDITORS_CHOICE[:4]])
    assert most_used(home(client, "/en/"))[:2] == titles(["S4.1", "M13"], "en")


def test_the_latest_news_is_on_the_home_page(client):
    soup = home(client)
    heading = soup.find("h2", string="Nyheder")
    listed = [a.get_text() for a in heading.find_parent("section").select("li a")]
    index = page_by_ref("SITE-NYHEDER")
    newest = [p.title for p in index.specific.news_items(limit=3)]
    assert listed == newest and len(listed) == 3
    dates = [p.date for p in index.specific.news_items(limit=3)]
    assert dates == sorted(dates, reverse=True)


def test_what_the_years_frequent_searches_find_first_counts_as_used(client):
    for query, times in (("netværksmøder", 4), ("tovholder", 2)):
        for _ in range(times):
            SearchQuery.objects.create(query=query, normalized=query, language="da", hits=5)
    # A search that found nothing, or one with filters, says nothing about what was used.
    SearchQuery.objects.create(query="xyzzy", normalized="xyzzy", language="da", hits=0)
    first = [
        service.search(service.SearchRequest(query=q, language="da")).results[0].title
        for q in ("netværksmøder", "tovholder")
    ]
    shown = most_used(home(client))
    assert shown[:2] == first
    assert shown[2:] == [t for t in titles(EDITORS_CHOICE) if t not in first][:4]
