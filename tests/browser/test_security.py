"""The production server's security headers, and the public site and the admin working under the
real Content-Security-Policy (no `bypass_csp`): no violation is reported, and the site's own
scripts (autocomplete, the form's skip logic) still run."""

import urllib.request

import pytest

from tests.browser.conftest import ADMIN_PASSWORD
from tests.browser.test_library_pages import page_url

pytestmark = pytest.mark.browser

WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def strict_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(WATCH)
    page = context.new_page()
    yield page
    context.close()


def violations(page):
    return page.evaluate("window.__violations")


def test_public_pages_send_a_strict_policy_and_the_security_headers(site_url):
    with urllib.request.urlopen(page_url(site_url, "methods.MethodPage", "M08", "da")) as r:  # noqa: S310
        policy = r.headers["Content-Security-Policy"]
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        assert r.headers["X-Frame-Options"] == "DENY"
        assert r.headers["Referrer-Policy"] == "same-origin"
        assert r.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"  # no nonce written: no template asked for one
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


@pytest.mark.parametrize(
    ("page_type", "ref"),
    [
        ("core.HomePage", "HOME"),
        ("methods.MethodPage", "M08"),
        ("courses.CoursePage", "KURSUS-KONTAKT"),
        ("strategy.InformationStrategyPage", "S6.1"),
    ],
)
def test_public_pages_run_under_the_policy_without_violations(
    site_url, strict_page, page_type, ref
):
    strict_page.goto(page_url(site_url, page_type, ref, "da"))
    strict_page.wait_for_load_state("networkidle")
    assert violations(strict_page) == []


def test_the_sites_scripts_run_under_the_policy(site_url, strict_page):
    strict_page.goto(site_url + "/soeg/")
    with strict_page.expect_response("**/api/search/autocomplete/**") as answer:
        strict_page.locator("#search-query").type("netvæ", delay=30)
    assert answer.value.ok
    strict_page.locator("#search-suggestions option").first.wait_for(state="attached")

    strict_page.goto(page_url(site_url, "downloads.TemplatePage", "S4.2", "da") + "udfyld/")
    question = strict_page.locator(".fill-question[data-skip]").first
    question.locator("input[type=radio]").last.check()
    strict_page.wait_for_timeout(100)
    assert violations(strict_page) == []


def test_the_admin_works_under_its_own_policy(site_url, strict_page):
    strict_page.goto(site_url + "/admin/login/")
    strict_page.fill("#id_username", "admin")
    strict_page.fill("#id_password", ADMIN_PASSWORD)
    strict_page.locator("button[type=submit]").click()
    strict_page.wait_for_url("**/admin/")
    with urllib.request.urlopen(site_url + "/admin/login/") as r:  # noqa: S310
        assert "'unsafe-inline'" in r.headers["Content-Security-Policy"]
    method = page_url(site_url, "methods.MethodPage", "M08", "da")
    strict_page.goto(site_url + "/admin/pages/search/?q=" + method.rstrip("/").rsplit("/", 1)[-1])
    strict_page.wait_for_load_state("networkidle")
    assert violations(strict_page) == []
