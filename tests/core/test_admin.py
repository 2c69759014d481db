"""Editors can open every page type and the vocabularies in the (Danish) admin."""

from django.contrib.auth import get_user_model

from wagtail.models import Page

import pytest

from tests.conftest import page_by_ref

pytestmark = pytest.mark.django_db

REFS = [
    "HOME",
    "SITE-OM",
    "SITE-METODER",
    "M08",
    "T04",
    "P05",
    "SITE-LOVGIVNING",
    "SEL-99",
    "SITE-VIDEN",
    "S3.1",
    "SITE-ORDLISTE",
    "SITE-PROJEKTER",
    "S5.1",
    "SITE-SKABELONER",
    "S4.2",
    "SITE-KURSER",
    "KURSUS-KONTAKT",
]


@pytest.fixture
def editor(client):
    client.force_login(get_user_model().objects.create_superuser("r", "r@example.invalid", "pw"))
    return client


@pytest.mark.parametrize("ref", REFS)
def test_editor_can_open_every_page_type(editor, ref):
    page = page_by_ref(ref)
    response = editor.get(f"/admin/pages/{page.id}/edit/")
    assert response.status_code == 200
    assert page.title in response.content.decode()


def test_method_edit_form_shows_the_method_dimensions_in_danish(editor):
    body = editor.get(f"/admin/pages/{page_by_ref('M08').id}/edit/").content.decode()
    for label in ("Lovgrundlag", "Kerneelementer og trin", "Taksonomi", "Kilder og status"):
        assert label in body


def test_editor_can_start_a_new_method(editor):
    index = page_by_ref("SITE-METODER")
    response = editor.get(f"/admin/pages/add/methods/methodpage/{index.id}/")
    assert response.status_code == 200


def test_vocabularies_are_editable_snippets(editor):
    body = editor.get("/admin/snippets/taxonomy/category/").content.decode()
    assert "Opsøgende arbejde" in body


def test_a_page_cannot_take_a_ref_already_in_use(editor):
    index = page_by_ref("SITE-METODER")
    response = editor.post(
        f"/admin/pages/add/methods/methodpage/{index.id}/",
        {
            "title": "Ny metode",
            "slug": "ny-metode",
            "ref": "M08",
            "summary": "",
            "steps-count": "0",
            "variants-count": "0",
            "sources-count": "0",
            "legal_basis_links-TOTAL_FORMS": "0",
            "legal_basis_links-INITIAL_FORMS": "0",
            "technique_links-TOTAL_FORMS": "0",
            "technique_links-INITIAL_FORMS": "0",
            "principle_links-TOTAL_FORMS": "0",
            "principle_links-INITIAL_FORMS": "0",
            "related_links-TOTAL_FORMS": "0",
            "related_links-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200  # the form again, not a redirect
    assert "Referencen M08 bruges allerede af en anden side." in response.content.decode()
    assert not Page.objects.filter(slug="ny-metode").exists()
