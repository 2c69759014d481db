"""What a visitor sees on the home page and standard pages, in Danish and English."""

import re

import pytest

from tests.conftest import page_by_ref

pytestmark = pytest.mark.django_db


def html_lang(response):
    return re.search(r'<html lang="([a-z-]+)"', response.content.decode()).group(1)


def test_danish_home_page_is_served_at_the_root(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert html_lang(response) == "da"
    assert re.search(r"<h1[^>]*>Metodebiblioteket</h1>", response.content.decode())
    assert "Gå til indhold" in response.content.decode()


def test_english_home_page_is_served_under_en(client):
    response = client.get("/en/")
    assert response.status_code == 200
    assert html_lang(response) == "en"
    body = response.content.decode()
    assert re.search(r"<h1[^>]*>The Method Library</h1>", body)
    assert "Skip to content" in body


def test_standard_page_in_both_languages_links_to_its_translation(client):
    danish = client.get("/om/").content.decode()
    english = client.get("/en/about/").content.decode()
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/about/">' in danish
    assert '<link rel="alternate" hreflang="da" href="http://testserver/om/">' in danish
    assert '<link rel="alternate" hreflang="da" href="http://testserver/om/">' in english
    assert '<a href="/en/about/" lang="en" hreflang="en">English</a>' in danish
    assert '<a href="/om/" lang="da" hreflang="da">Dansk</a>' in english


def test_page_without_translation_switches_to_english_home_and_has_no_alternates(
    client, danish_only_page
):
    body = client.get(danish_only_page.url).content.decode()
    assert "hreflang=" not in body.split("</head>")[0]
    assert '<a href="/en/" lang="en" hreflang="en">English</a>' in body


def test_navigation_is_built_from_the_page_tree(client, danish_only_page):
    body = client.get("/").content.decode()
    menu = body.split('aria-label="Hovedmenu"')[1].split("</nav>")[0]
    assert "Om Metodebiblioteket" in menu  # show_in_menus
    assert "Kun på dansk" not in menu  # not in menus
    assert "Tilgængelighedserklæring" not in menu


def test_breadcrumbs_lead_back_to_the_home_page(client):
    body = client.get("/om/").content.decode()
    crumbs = body.split('aria-label="Brødkrummer"')[1].split("</nav>")[0]
    assert '<a href="/" class="breadcrumbs__link">Metodebiblioteket</a>' in crumbs
    assert '<span aria-current="page">Om Metodebiblioteket</span>' in crumbs


def test_footer_links_to_the_accessibility_statement_in_each_language(client):
    danish = client.get("/").content.decode()
    english = client.get("/en/").content.decode()
    assert 'href="/tilgaengelighedserklaering/">Tilgængelighedserklæring</a>' in danish
    assert 'href="/en/accessibility-statement/">Accessibility statement</a>' in english
    statement = client.get("/tilgaengelighedserklaering/").content.decode()
    assert "WCAG 2.1" in statement


def test_missing_page_gets_a_danish_404(client):
    response = client.get("/findes-ikke/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Siden findes ikke" in body
    assert html_lang(response) == "da"


def test_missing_english_page_gets_an_english_404(client):
    response = client.get("/en/does-not-exist/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.urls("tests.core.urls_error")
def test_server_error_gets_a_danish_500(client):
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Der opstod en fejl" in body
    assert '<html lang="da">' in body


@pytest.mark.parametrize("url", ["/", "/en/", "/om/", "/en/about/", "/findes-ikke/", "/healthz"])
def test_anonymous_visitors_get_no_cookies(client, url):
    response = client.get(url)
    assert not response.cookies, f"{url} set {list(response.cookies)}"


def test_print_stylesheet_is_linked_for_print_media(client):
    body = client.get("/om/").content.decode()
    assert re.search(r'<link rel="stylesheet" href="/static/css/print\.css" media="print">', body)


def test_pages_use_the_design_system_from_npm(client):
    body = client.get("/").content.decode()
    assert "/static/dkfds/css/dkfds.min.css" in body
    assert "/static/dkfds/js/dkfds.min.js" in body


def test_skip_link_targets_the_main_content(client):
    body = client.get("/om/").content.decode()
    assert '<a class="skipnav" href="#main-content">Gå til indhold</a>' in body
    assert '<main id="main-content" tabindex="-1"' in body


def test_health_check_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


def test_every_page_carries_its_ref_in_the_page_api(client):
    response = client.get("/api/v2/pages/?type=core.StandardPage&fields=ref&locale=da")
    assert response.status_code == 200
    refs = {item["ref"] for item in response.json()["items"]}
    assert {"SITE-OM", "SITE-TILGAENGELIGHED"} <= refs


def test_refs_are_unique_across_translation_groups(danish_only_page):
    from django.core.exceptions import ValidationError

    danish_only_page.ref = page_by_ref("SITE-OM").ref
    with pytest.raises(ValidationError, match="bruges allerede"):
        danish_only_page.full_clean()
