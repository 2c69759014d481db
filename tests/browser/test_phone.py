"""Every page type on a phone (320 and 390 CSS px wide): no sideways scrolling, no clipped text, a
header that leaves the screen to the page, and accessible; the long pages' "Kort fortalt", "På
denne side" and way back to the top; search results before the filters."""

import json
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.conftest import _page_of_size, assert_accessible

pytestmark = pytest.mark.browser

PHONE_HEIGHT = 844
# Long pages: a short block first, then the list of their sections.
LONG_PAGE_TYPES = {
    "methods.MethodPage",
    "methods.TechniquePage",
    "methods.PrinciplePage",
    "legal.LegalPage",
    "guidelines.GuidelinePage",
    "situations.SituationPage",
    "courses.CoursePage",
    "downloads.TemplatePage",
    "template form",
}

# Elements that hide part of their text (content wider than a box that clips it); a box that
# scrolls on purpose (a wide table's own scroll box) and visually hidden text do not count.
CLIPPED = """() => [...document.querySelectorAll('body *')].filter(el => {
    if (el.closest('[data-scroll-box], .skipnav, datalist, script, style')) return false;
    const style = getComputedStyle(el);
    const hides = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
    return hides && el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1;
}).map(el => el.className + ': ' + el.textContent.trim().slice(0, 40))"""


def one_page_per_type(site_url, request_context, language):
    """{page type: address} of the first page of every type, from the page API."""
    found, offset = {}, 0
    while True:
        api = f"{site_url}/api/v2/pages/?limit=100&offset={offset}&locale={language}"
        items = request_context.get(api).json()["items"]
        if not items:
            return found
        for item in items:
            url = item["meta"]["html_url"].replace("http://localhost", site_url)
            found.setdefault(item["meta"]["type"], url)
        offset += 100


def template_form(site_url, request_context, language):
    """The online form of the reporting form (S4.2), the longest of the templates' forms."""
    api = f"{site_url}/api/v2/pages/?type=downloads.TemplatePage&locale={language}&limit=100"
    items = request_context.get(api).json()["items"]
    item = next(i for i in items if i["ref"] == "S4.2")
    return item["meta"]["html_url"].replace("http://localhost", site_url) + "udfyld/"


@pytest.fixture(scope="module")
def page_types(site_url, browser):
    context = browser.new_context()
    try:
        types = {
            language: one_page_per_type(site_url, context.request, language)
            for language in ("da", "en")
        }
        # Every page type of the library (a test that found none would prove nothing).
        assert len(types["da"]) >= 24 and set(types["da"]) == set(types["en"])
        # And the pages outside the page tree: search results, a template's online form (the
        # longest, the reporting form's) and a part of a source document with its quotations.
        for language, prefix in (("da", ""), ("en", "/en")):
            found = types[language]
            found["search results"] = f"{site_url}{prefix}/soeg/?q=skp"
            found["template form"] = template_form(site_url, context.request, language)
            found["source part"] = found["sources.SourceDocumentPage"] + "afsnit/1/"
    finally:
        context.close()
    return types


@pytest.fixture(params=[320, 390], ids=["320px", "390px"])
def phone(browser, request):
    yield from _page_of_size(browser, request.param, PHONE_HEIGHT)


@pytest.mark.parametrize("language", ["da", "en"])
def test_no_page_type_scrolls_sideways_or_clips_text_on_a_phone(
    site_url, phone, page_types, language
):
    problems = {}
    for page_type, url in sorted(page_types[language].items()):
        response = phone.goto(url)
        assert response.status == 200, url
        wide = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        clipped = phone.evaluate(CLIPPED)
        header = phone.locator("header.site-header").bounding_box()["height"]
        if wide > 0 or clipped or header > PHONE_HEIGHT / 5:
            problems[page_type] = {"wider by": wide, "clipped": clipped[:3], "header": header}
    width = phone.viewport_size["width"]
    assert problems == {}, f"at {width} px: " + json.dumps(problems, indent=2)


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_page_type_is_accessible_at_phone_width(site_url, browser, page_types, language):
    for phone in _page_of_size(browser, 320, PHONE_HEIGHT):
        for url in page_types[language].values():
            phone.goto(url)
            assert_accessible(phone)


@pytest.mark.parametrize("width", [390, 1280])
def test_long_pages_start_with_kort_fortalt_and_list_their_sections(
    site_url, browser, page_types, width
):
    for phone in _page_of_size(browser, width, PHONE_HEIGHT):
        for page_type in sorted(LONG_PAGE_TYPES):
            url = page_types["da"][page_type]
            phone.goto(url)
            glance = phone.locator(".at-a-glance")
            assert glance.locator("h2").inner_text() == "Kort fortalt", url
            assert glance.locator("dt").count() >= 2, url
            nav = phone.get_by_role("navigation", name="På denne side")
            links = nav.locator("a")
            assert links.count() >= 3, url
            # Every link goes to a section of the page, in the page's order.
            tops = []
            for anchor in links.evaluate_all("links => links.map(a => a.hash.slice(1))"):
                target = phone.locator(f"[id='{anchor}']")
                assert target.count() == 1, (url, anchor)
                tops.append(target.evaluate("el => el.getBoundingClientRect().top + scrollY"))
            assert tops == sorted(tops), url
            details = nav.locator("details")
            if width < 992:
                # Collapsed over the text on a phone: one tap opens it.
                assert not details.evaluate("el => el.open"), url
                assert glance.bounding_box()["y"] < nav.bounding_box()["y"], url
            else:
                # Open beside the text on a wide screen, and it stays in view while reading.
                assert details.evaluate("el => el.open"), url
                assert nav.evaluate("el => getComputedStyle(el).position") == "sticky"
                assert nav.bounding_box()["x"] > glance.bounding_box()["x"] + 400, url
            top = phone.get_by_role("link", name="Til toppen")
            assert top.get_attribute("href") == "#top"
            assert phone.locator("#top").count() == 1


def test_a_section_link_on_a_phone_scrolls_to_the_section(site_url, browser, page_types):
    for phone in _page_of_size(browser, 390, PHONE_HEIGHT):
        phone.goto(page_types["da"]["methods.MethodPage"])
        nav = phone.get_by_role("navigation", name="På denne side")
        nav.locator("summary").click()
        link = nav.locator("a").nth(2)
        target = link.evaluate("a => a.hash.slice(1)")
        link.click()
        phone.wait_for_function(
            "id => Math.abs(document.getElementById(id).getBoundingClientRect().top) < 40",
            arg=target,
        )
        phone.get_by_role("link", name="Til toppen").click()
        phone.wait_for_function("scrollY < 5")


def test_legal_page_links_to_the_law_in_force_at_retsinformation(site_url, page):
    page.goto(site_url + "/lovgivning/")
    page.get_by_role("link", name="SEL § 99 – Støtte- og kontaktpersonordning").first.click()
    glance = page.locator(".at-a-glance")
    link = glance.get_by_role("link", name="Søg efter „serviceloven § 99“ på Retsinformation")
    query = parse_qs(urlsplit(link.get_attribute("href")).query)
    assert link.get_attribute("href").startswith("https://www.retsinformation.dk/documents?")
    assert query == {"t": ["serviceloven § 99"]}
    assert "endnu ikke tjekket" in glance.inner_text()
    # The explanation comes before the note that the wording in force is not yet checked.
    plain = page.locator("#section-plain").bounding_box()["y"]
    current = page.locator("#section-current").bounding_box()["y"]
    assert plain < current
    button = page.locator("section[aria-labelledby=section-current] a.button")
    assert button.get_attribute("href") == link.get_attribute("href")


def test_search_results_come_before_the_filters_on_a_phone(site_url, browser):
    for phone in _page_of_size(browser, 390, PHONE_HEIGHT):
        phone.goto(site_url + "/soeg/?q=skp")
        first = phone.locator(".search-result").first.bounding_box()
        assert first["y"] < PHONE_HEIGHT, "the first result starts on the first screen"
        filters = phone.locator("[data-search-filters]")
        assert not filters.evaluate("el => el.open")
        assert not phone.locator("input[name=type]").first.is_visible()
        # One tap shows them; a ticked box applies at once.
        filters.locator("summary").click()
        box = phone.locator("input[name=type][value='legal.LegalPage']")
        with phone.expect_navigation():
            box.check()
        assert parse_qs(urlsplit(phone.url).query)["type"] == ["legal.LegalPage"]
        assert "1 valgt" in phone.locator("[data-search-filters] summary").inner_text()
        types = phone.locator(".search-result__type").all_inner_texts()
        assert types and all(t.lower() == "paragraf" for t in types)
