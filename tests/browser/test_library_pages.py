"""Every page type of the library, in Danish and English, in a real browser: no WCAG 2.1 A/AA
violations, and the self-linking legal references explain themselves on keyboard focus."""

import json
import urllib.request

import pytest

from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser

PAGE_TYPES = [
    ("methods.MethodIndexPage", None),
    ("methods.MethodPage", "M08"),
    ("methods.TechniquePage", "T04"),
    ("methods.PrinciplePage", "P05"),
    ("legal.LegalIndexPage", None),
    ("legal.LegalPage", "SEL-99"),
    ("guidelines.GuidelineIndexPage", None),
    ("guidelines.GuidelinePage", "S3.1"),
    ("guidelines.GlossaryPage", None),
    ("projects.ProjectIndexPage", None),
    ("projects.ProjectPage", "S5.1"),
    ("downloads.TemplateIndexPage", None),
    ("downloads.TemplatePage", "S4.2"),
    ("situations.SituationIndexPage", None),
    ("situations.SituationPage", "SIT-04"),
    ("sources.SourceIndexPage", None),
    ("sources.SourceDocumentPage", "KILDE-002"),
]


def page_url(site_url, page_type, ref, language):
    """The page's address, found the way an outside client would: through the page API."""
    api = f"{site_url}/api/v2/pages/?type={page_type}&locale={language}&limit=100"
    with urllib.request.urlopen(api) as response:  # noqa: S310 - the test's own loopback server
        items = json.load(response)["items"]
    item = next(i for i in items if ref is None or i["ref"] == ref)
    return item["meta"]["html_url"].replace("http://localhost", site_url)


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize(("page_type", "ref"), PAGE_TYPES)
def test_page_type_has_no_wcag_21_aa_violations(site_url, page, page_type, ref, language):
    response = page.goto(page_url(site_url, page_type, ref, language))
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page)


def test_legal_reference_shows_its_short_title_on_keyboard_focus(site_url, page):
    page.goto(page_url(site_url, "methods.MethodPage", "M08", "da"))
    link = page.locator("main a.term-ref[href*='/lovgivning/sel-99']").first
    tip = link.locator(".term-ref__tip")
    assert tip.bounding_box()["height"] <= 1  # hidden until asked for
    link.focus()
    assert tip.bounding_box()["height"] > 10
    assert "Støtte- og kontaktperson" in tip.inner_text()
    link.press("Enter")
    page.wait_for_url("**/lovgivning/**")
    assert "§ 99" in page.locator("h1").inner_text()


def test_method_page_prints_without_navigation(site_url, page):
    page.goto(page_url(site_url, "methods.MethodPage", "M13", "da"))
    assert page.get_by_role("button", name="Udskriv").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".site-menu").is_visible()
    assert not page.get_by_role("button", name="Udskriv").is_visible()
    assert page.locator("main h1").is_visible()


def test_one_click_from_a_note_shows_the_quoted_passage(site_url, sized_page):
    page = sized_page
    page.goto(page_url(site_url, "methods.MethodPage", "M08", "da"))
    marker = page.locator("sup.note-ref a").first
    number = marker.inner_text().split()[-1]
    marker.click()
    note = page.locator(f"#note-{number}")
    assert page.evaluate("location.hash") == f"#note-{number}"
    assert note.is_visible()
    link = note.locator("a[href*='/afsnit/']").first
    label = link.inner_text()
    link.click()
    page.wait_for_load_state()
    anchor = page.evaluate("location.hash")[1:]
    quotation = page.locator(f"[id='{anchor}']")
    assert quotation.locator("blockquote").is_visible()
    lines = anchor[1:].replace("-", "–")
    assert lines in quotation.locator("figcaption").inner_text()
    assert lines in label
    assert_accessible(page)
