"""The home page and standard pages in a real browser: accessible, keyboard-usable, bilingual."""

import secrets
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.browser.conftest import assert_accessible, axe_violations
from tests.browser.test_library_pages import page_url

ROOT = Path(__file__).resolve().parents[2]
CLEAR_CACHE = "from wagtailcache.cache import clear_cache; clear_cache()"

pytestmark = pytest.mark.browser

PAGES = [
    ("/", "da", "Metodebiblioteket"),
    ("/en/", "en", "The Method Library"),
    ("/om/", "da", "Om Metodebiblioteket"),
    ("/en/about/", "en", "About the Method Library"),
    ("/tilgaengelighedserklaering/", "da", "Tilgængelighedserklæring"),
    ("/en/accessibility-statement/", "en", "Accessibility statement"),
]


@pytest.mark.parametrize(("path", "language", "heading"), PAGES)
def test_page_has_no_wcag_21_aa_violations(site_url, page, path, language, heading):
    response = page.goto(site_url + path)
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").inner_text() == heading
    assert_accessible(page)


@pytest.mark.parametrize("path", ["/findes-ikke/", "/en/does-not-exist/"])
def test_not_found_page_has_no_wcag_21_aa_violations(site_url, page, path):
    response = page.goto(site_url + path)
    assert response.status == 404
    assert_accessible(page)


def test_skip_link_moves_focus_to_the_main_content(site_url, page):
    page.goto(site_url + "/om/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Gå til indhold"
    assert skip.is_visible()  # shown when focused, hidden otherwise
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_language_switcher_goes_to_the_translated_page(site_url, page):
    page.goto(site_url + "/om/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/about/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="Dansk").click()
    page.wait_for_url("**/om/")
    assert page.locator("h1").inner_text() == "Om Metodebiblioteket"


def test_print_layout_drops_navigation(site_url, page):
    page.goto(site_url + "/om/")
    page.emulate_media(media="print")
    assert not page.locator(".site-menu").is_visible()
    assert not page.locator(".site-footer").is_visible()
    assert page.locator("main h1").is_visible()


def test_the_accessibility_check_catches_a_real_violation(site_url, page):
    """Guards the checks above: axe must report an image without a text alternative."""
    page.goto(site_url + "/om/")
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=x>')")
    assert "image-alt" in {v["id"] for v in axe_violations(page)}


def test_the_production_server_answers_anonymous_readers_from_the_page_cache(site_url, site_env):
    """`make serve` with the page cache (files under VAR_DIR or Redis, shared by both workers)."""
    # Emptied first, so no earlier test has put this address in the cache.
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", CLEAR_CACHE],
        cwd=ROOT,
        env=site_env,
        check=True,
        capture_output=True,
    )
    url = page_url(site_url, "methods.MethodPage", "M13", "da")
    seen = []
    for _ in range(4):  # enough for both gunicorn workers to answer at least once after the miss
        with urllib.request.urlopen(url) as response:  # noqa: S310 - the test's own server
            seen.append((response.headers["X-Wagtail-Cache"], response.read()))
    assert seen[0][0] == "miss"
    assert {state for state, _ in seen[1:]} == {"hit"}
    assert len({body for _, body in seen}) == 1
    with urllib.request.urlopen(site_url + "/soeg/?q=skp") as response:  # noqa: S310
        assert response.headers["X-Wagtail-Cache"] == "skip"
    with urllib.request.urlopen(url + f"?test={secrets.token_hex(4)}") as response:  # noqa: S310
        assert response.headers["X-Wagtail-Cache"] == "skip"  # made-up variants are not kept
