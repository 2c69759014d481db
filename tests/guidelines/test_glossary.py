"""Glossary terms in text explain themselves, once per page; the glossary lists them all."""

from django.template import engines
from django.test import RequestFactory
from django.utils import translation

import pytest

from tests.conftest import page_by_ref

pytestmark = pytest.mark.django_db


def render(*values, language="da"):
    request = RequestFactory().get("/")
    source = "".join("{{ richtext_linked(v" + str(i) + ") }}" for i in range(len(values)))
    with translation.override(language):
        template = engines["jinja2"].from_string(source)
        return template.render({f"v{i}": v for i, v in enumerate(values)}, request)


def test_first_use_of_a_term_on_a_page_links_to_its_definition():
    glossary = page_by_ref("SITE-ORDLISTE")
    html = render("<p>Vi holder netværksmøder hver uge.</p>", "<p>Et netværksmøde til.</p>")
    assert f'href="{glossary.url}#netvaerksmoede">netværksmøder<span' in html
    assert html.count("#netvaerksmoede") == 1  # only the first use on the page


def test_abbreviations_only_match_in_capitals():
    html = render("<p>The act says that ACT teams work with psychosis.</p>", language="en")
    assert html.count('class="term-ref"') == 1
    assert ">ACT<span" in html


def test_glossary_page_lists_every_term_with_an_anchor(client):
    body = client.get(page_by_ref("SITE-ORDLISTE").url).content.decode()
    assert '<dt id="ki-plan"><dfn>KI-plan</dfn></dt>' in body
    assert '<dt id="det-faelles-tredje"><dfn>det fælles tredje</dfn></dt>' in body
