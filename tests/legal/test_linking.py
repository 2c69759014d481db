"""Legal references in any page's text link to the legal page, with its short title."""

import re

from django.template import engines
from django.test import RequestFactory
from django.utils import translation

import pytest

from tests.conftest import page_by_ref

pytestmark = pytest.mark.django_db


def render(html, language="da"):
    request = RequestFactory().get("/")
    with translation.override(language):
        template = engines["jinja2"].from_string("{{ richtext_linked(value) }}")
        return template.render({"value": html}, request)


def links(html):
    return re.findall(r'<a class="term-ref" href="([^"]+)">(.*?)<span', html)


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("Efter § 99 kan kommunen", "SEL-99"),
        ("Efter §99 kan kommunen", "SEL-99"),
        ("Støtte efter SEL § 85 gives", "SEL-85"),
        ("Efter servicelovens § 81 skal", "SEL-81"),
        ("Efter sundhedslovens § 141 har", "SUL-141"),
        ("Botilbud efter §§ 107–110", "SEL-107-110"),
        ("Lov om social service § 82", "SEL-82"),
    ],
)
def test_reference_links_to_the_legal_page(text, ref):
    html = render(f"<p>{text}</p>")
    page = page_by_ref(ref)
    assert [url for url, _ in links(html)] == [page.url]
    assert f"({page.short_title})" in html


def test_short_title_is_part_of_the_link_for_hover_focus_and_screen_readers():
    html = render("<p>Efter § 99.</p>")
    page = page_by_ref("SEL-99")
    assert f'<a class="term-ref" href="{page.url}">§ 99<span class="term-ref__tip" ' in html
    assert f"> ({page.short_title})</span></a>" in html


def test_unknown_paragraph_stays_plain_text():
    html = render("<p>Efter § 999 og sundhedslovens § 7.</p>")
    assert "<a" not in html
    assert html.strip() == "<p>Efter § 999 og sundhedslovens § 7.</p>"


def test_existing_links_and_headings_are_left_alone():
    html = render('<h2>§ 99</h2><p><a href="/x/">se § 99</a></p>')
    assert "term-ref" not in html


def test_english_text_links_to_the_english_legal_page():
    html = render("<p>Under SEL § 99 the municipality</p>", language="en")
    english = page_by_ref("SEL-99", "en")
    assert links(html)[0][0] == english.url
    assert english.url.startswith("/en/")


def test_method_page_shows_its_legal_basis_and_linked_references(client):
    method = page_by_ref("M08")
    body = client.get(method.url).content.decode()
    legal = page_by_ref("SEL-99")
    assert f'<a href="{legal.url}">{legal.title}</a>' in body  # the legal-basis list
    assert f'class="term-ref" href="{legal.url}"' in body  # a reference in running text


def test_legal_page_lists_the_methods_that_rest_on_it(client):
    body = client.get(page_by_ref("SEL-99").url).content.decode()
    section = body.split('id="section-methods"')[1]
    assert page_by_ref("M08").title in section
    assert "Som citeret i kilderne" in body
    assert "Gældende lov" in body
