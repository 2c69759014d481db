"""Situation guides in a real browser, at a phone's width and a desktop's: from the home page's
"Hvad står du med?" to what to do first, with no WCAG 2.1 A/AA violations and no sideways
scrolling."""

import pytest

from tests.browser.conftest import assert_accessible, scrolls_sideways
from tests.browser.test_library_pages import page_url

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_guide_reads_on_a_phone_and_a_desktop(site_url, sized_page, language):
    page = sized_page
    response = page.goto(page_url(site_url, "situations.SituationPage", "SIT-04", language))
    assert response.status == 200
    heading = "Det gør du først" if language == "da" else "What to do first"
    steps = page.locator("ol.actions > li")
    assert page.get_by_role("heading", name=heading, level=2).is_visible()
    assert steps.count() >= 3
    assert steps.first.locator(".action__meta").is_visible()
    assert not scrolls_sideways(page)
    assert_accessible(page)


def test_from_the_home_page_to_what_to_do_first(site_url, sized_page):
    page = sized_page
    page.goto(site_url + "/")
    section = page.get_by_role("region", name="Hvad står du med?")
    assert section.get_by_role("heading", name="Hvad står du med?").is_visible()
    link = section.locator("li a").first
    title = link.inner_text()
    link.click()
    assert page.locator("h1").inner_text() == title
    assert page.locator("ol.actions > li").count() >= 3
    assert not scrolls_sideways(page)
    page.goto(site_url + "/")
    assert_accessible(page)


def test_searching_a_situation_in_ones_own_words_opens_its_guide(site_url, sized_page):
    page = sized_page
    page.goto(site_url + "/soeg/?q=borgeren+abner+ikke+doren")
    first = page.locator(".search-result").first
    assert first.locator(".search-result__type").inner_text().casefold().startswith("situation")
    title = first.locator(".search-result__title a").inner_text()
    first.locator(".search-result__title a").click()
    assert page.locator("h1").inner_text() == title == "Borgeren åbner ikke døren"
    assert page.get_by_role("heading", name="Det gør du først", level=2).is_visible()
    assert page.locator("ol.actions > li").count() >= 3
