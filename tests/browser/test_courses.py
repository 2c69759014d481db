"""The course catalogue and a course page in a real browser, in Danish and English: no WCAG 2.1
A/AA violations, filters that work with the keyboard and without JavaScript, and material that
downloads."""

import io

import pytest
from docx import Document as Docx

from tests.browser.conftest import assert_accessible
from tests.browser.test_library_pages import page_url

pytestmark = pytest.mark.browser

CATALOGUE = ("courses.CourseIndexPage", None)
COURSE = ("courses.CoursePage", "KURSUS-OPSOEGENDE")


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize(("page_type", "ref"), [CATALOGUE, COURSE])
def test_course_pages_have_no_wcag_21_aa_violations(site_url, page, page_type, ref, language):
    response = page.goto(page_url(site_url, page_type, ref, language))
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page)


@pytest.mark.parametrize("javascript", [True, False])
def test_catalogue_filters_with_the_keyboard(browser, site_url, javascript):
    context = browser.new_context(java_script_enabled=javascript, bypass_csp=True)  # for axe
    page = context.new_page()
    page.goto(page_url(site_url, *CATALOGUE, "da"))
    assert page.locator(".course-card").count() == 3
    page.get_by_label("Mere end en dag").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Vis kurser").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**duration=days**")
    assert page.locator(".course-card").count() == 1
    assert "1 kursus" in page.locator("#catalogue-status").inner_text()
    assert page.get_by_label("Mere end en dag").is_checked()
    if javascript:  # axe itself is a script
        assert_accessible(page)
    context.close()


def test_course_page_shows_the_programme_and_downloads_the_handout(site_url, page):
    page.goto(page_url(site_url, *COURSE, "da"))
    assert page.locator("h3.course-day").count() == 2  # a two-day course
    first_item = page.locator(".course-item__title a").first
    assert first_item.is_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Word (DOCX) – Deltagermateriale").click()
    assert download.value.suggested_filename.endswith("-deltagermateriale.docx")
    text = "\n".join(
        p.text for p in Docx(io.BytesIO(download.value.path().read_bytes())).paragraphs
    )
    assert page.locator("h1").inner_text() in text
    assert first_item.inner_text() in text
