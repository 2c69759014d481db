"""The search page in a real browser: accessible, usable with the keyboard alone, and working
without JavaScript (facets are a form that submits to a shareable URL)."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/soeg/?q=netværksmøder", "Søg i biblioteket"),
        ("/en/soeg/?q=network", "Search the library"),
    ],
)
def test_search_page_has_no_wcag_21_aa_violations(site_url, page, path, heading):
    response = page.goto(site_url + path)
    assert response.status == 200
    assert page.locator("h1").inner_text() == heading
    assert page.locator(".search-result").count() > 0
    assert_accessible(page)


def test_empty_search_page_and_error_message_are_accessible(site_url, page):
    page.goto(site_url + "/soeg/")
    assert_accessible(page)
    response = page.goto(site_url + "/soeg/?q=kontakt&page=abc")
    assert response.status == 400
    assert "Sidetallet" in page.locator("[role=alert]").inner_text()
    assert_accessible(page)


def test_search_from_the_header_and_filter_with_the_keyboard_alone(site_url, page):
    page.goto(site_url + "/om/")  # the home page has its own box instead of the header's
    page.keyboard.press("Tab")  # the skip link
    box = page.locator("#header-search-query")
    for _ in range(10):
        page.keyboard.press("Tab")
        if box.evaluate("el => el === document.activeElement"):
            break
    assert box.evaluate("el => el === document.activeElement"), "Tab reaches the search box"
    page.keyboard.type("netværksmøderne")
    page.keyboard.press("Enter")
    page.wait_for_url("**/soeg/?q=*")
    assert page.locator(".search-result__title").first.inner_text() == "Netværksmøder"

    # On a wide screen the filters stand open beside the results; a box ticked with the
    # keyboard applies at once.
    methods = page.locator("input[name=type][value='methods.MethodPage']")
    methods.focus()
    with page.expect_navigation():
        page.keyboard.press("Space")
    query = parse_qs(urlsplit(page.url).query)
    assert query["type"] == ["methods.MethodPage"]
    assert query["q"] == ["netværksmøderne"]
    assert page.locator("input[name=type][value='methods.MethodPage']").is_checked()
    types = page.locator(".search-result__type").all_inner_texts()
    assert types and all(t.lower().startswith("metode") for t in types)


def test_facets_work_without_javascript_and_the_url_can_be_shared(site_url, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + "/soeg/?q=kontakt")
        total = page.locator("#search-status").inner_text()
        # Without JavaScript the filters open with their summary and apply by the button.
        page.locator("[data-search-filters] summary").click()
        page.locator("input[name=type][value='legal.LegalPage']").check()
        with page.expect_navigation():
            page.locator(".search-layout__facets button[type=submit]").click()
        assert "type=legal.LegalPage" in page.url
        assert page.locator("#search-status").inner_text() != total
        shared = context.new_page()
        shared.goto(page.url)
        assert shared.locator("input[name=type][value='legal.LegalPage']").is_checked()
        assert (
            shared.locator(".search-result__title").all_inner_texts()
            == page.locator(".search-result__title").all_inner_texts()
        )
    finally:
        context.close()


def test_autocomplete_suggests_titles_while_typing(site_url, page):
    page.goto(site_url + "/soeg/")
    with page.expect_response("**/api/search/autocomplete/**") as answer:
        page.locator("#search-query").type("netvæ", delay=30)
    assert answer.value.ok
    options = page.locator("#search-suggestions option")
    options.first.wait_for(state="attached")
    assert "Netværksmøder" in [o.get_attribute("value") for o in options.all()]
