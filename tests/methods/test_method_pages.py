"""Method, technique and principle pages and the method index, as a practitioner reads them."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.conftest import page_by_ref

pytestmark = pytest.mark.django_db


def test_method_index_groups_methods_by_category(client):
    body = client.get(page_by_ref("SITE-METODER").url).content.decode()
    outreach = body.split(">Opsøgende arbejde</h2>")[1].split("</section>")[0]
    assert page_by_ref("M01").title in outreach
    assert page_by_ref("M01").summary in outreach
    assert page_by_ref("T04").title in body.split('id="techniques-heading"')[1]
    assert page_by_ref("P05").title in body.split('id="principles-heading"')[1]


def test_method_page_has_the_dimensions_of_a_method(client):
    body = client.get(page_by_ref("M13").url).content.decode()
    for heading in ("Målgruppe", "Formål", "Kerneelementer og trin", "Kilder"):
        assert f">{heading}</h2>" in body
    assert '<ol class="steps">' in body
    assert "Beskrevet i 2008. Tjek gældende praksis og lov" in body
    assert page_by_ref("T02").title in body.split('id="section-techniques"')[1]


def test_technique_page_lists_the_methods_that_use_it(client):
    body = client.get(page_by_ref("T02").url).content.decode()
    assert page_by_ref("M13").title in body.split('id="used-in-heading"')[1]


def test_english_method_page_is_the_full_translation(client):
    english = page_by_ref("M08", "en")
    body = client.get(english.url).content.decode()
    assert '<html lang="en">' in body
    assert "Target group</h2>" in body
    assert page_by_ref("M08").title not in body.split("<h1>")[1].split("</h1>")[0]


def test_sources_name_the_document_and_lines(client):
    body = client.get(page_by_ref("M08").url).content.decode()
    sources = body.split('id="sources-heading"')[1]
    assert "Evaluering af Isbryderprojektet" in sources
    # The page's own list names the part of the document and its lines, linked to the part.
    assert "linje 5029–5055" in sources
    assert "/kilder/evaluering-af-isbryderprojektet/afsnit/" in sources


def test_method_page_renders_with_a_bounded_number_of_queries(client):
    url = page_by_ref("M08").url
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    # The uncached render is measured in bench/; this guards against N+1 regressions.
    assert len(queries) <= 60, len(queries)


def test_print_layout_is_offered(client):
    body = client.get(page_by_ref("M08").url).content.decode()
    assert "data-print hidden>Udskriv</button>" in body
    assert 'media="print"' in body
