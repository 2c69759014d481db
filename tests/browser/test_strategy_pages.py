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
