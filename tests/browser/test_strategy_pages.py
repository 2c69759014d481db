"""The information strategy, the news index and a news page in a real browser, in Danish and
English: no WCAG 2.1 A/AA violations."""

import pytest

from tests.browser.conftest import assert_accessible
from tests.browser.test_library_pages import page_url

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize(
    ("page_type", "ref"),
    [
        ("strategy.InformationStrategyPage", "S6.1"),
        ("strategy.NewsIndexPage", None),
        ("strategy.NewsPage", "NYHED-002"),
    ],
)
def test_strategy_pages_have_no_wcag_21_aa_violations(site_url, page, page_type, ref, language):
    response = page.goto(page_url(site_url, page_type, ref, language))
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    if page_type.startswith("strategy.News"):
        assert page.locator("link[rel=alternate][type='application/rss+xml']").count() == 1
    else:
        assert page.locator(".timeline__item").count() == 4
    assert_accessible(page)


def test_answer_var_siden_nyttig_with_the_keyboard(site_url, page):
    """The widget under a method page: an error for a missing answer that keeps the comment,
    then an answer sent with the keyboard alone, through the production server (no CSRF token
    on the cacheable page, the browser's own Origin header)."""
    page.goto(page_url(site_url, "methods.MethodPage", "M08", "da"))
    comment = page.get_by_label("Hvad kan gøre siden bedre? (valgfrit)")
    comment.fill("Et eksempel på et brev ville hjælpe.")
    page.get_by_role("button", name="Send svar").press("Enter")
    page.wait_for_load_state()
    assert page.get_by_role("alert").inner_text().count("Vælg ja eller nej.") >= 1
    assert page.get_by_label("Hvad kan gøre siden bedre? (valgfrit)").input_value() == (
        "Et eksempel på et brev ville hjælpe."
    )
    assert_accessible(page)

    page.get_by_role("link", name="Vælg ja eller nej.").press("Enter")
    page.get_by_label("Nej").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Send svar").press("Enter")
    page.wait_for_url("**/tak/")
    assert page.locator("h1").inner_text() == "Tak for din tilbagemelding"
    assert_accessible(page)
    page.get_by_role("link", name="Tilbage til").press("Enter")
    page.wait_for_url("**/metoder/**")
