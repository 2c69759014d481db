"""The participant handout and the trainer guide, as PDF, DOCX and ODT, opened again and read."""

import io
import zipfile

import pytest

from courses.models import CoursePage
from tests.conftest import page_by_ref
from tests.courses.conftest import GUIDE_ONLY, SESSION_GUIDE_ONLY
from tests.files import docx_text, odt_text, pdf_text

pytestmark = pytest.mark.django_db

READERS = {"pdf": pdf_text, "docx": docx_text, "odt": odt_text}


def material(client, course, file_format, variant=None):
    params = {"variant": variant} if variant else {}
    response = client.get(f"{course.url}download/{file_format}/", params)
    assert response.status_code == 200, response.content[:300]
    return response


def text_of(response, file_format):
    return READERS[file_format](response.content)[1]


def squash(text):
    return " ".join(text.split())


@pytest.mark.parametrize("file_format", ["pdf", "docx", "odt"])
def test_handout_has_the_course_and_the_library_content_but_no_trainer_notes(
    client, course, file_format
):
    response = material(client, course, file_format, "handout")
    assert (
        "testkursus-om-det-f%C3%B8rste-brev-deltagermateriale." in response["Content-Disposition"]
    )
    text = squash(text_of(response, file_format))
    assert "Testkursus om det første brev" in text
    assert "Deltagermateriale" in text
    assert "Varighed: 2 timer 30 min." in text
    assert "Kunne skrive et første brev" in text
    for title in ("Det første brev", "Lovgrundlaget", "Skriv brevet til fru Jensen"):
        assert title in text
    method = page_by_ref("M13")
    assert squash(method.summary)[:80] in text
    for step in method.steps:
        assert step.value["heading"] in text
    assert "Skabelon: " + page_by_ref("S4.1").title in text
    assert page_by_ref("SEL-99").title in text
    assert GUIDE_ONLY not in text
    assert SESSION_GUIDE_ONLY not in text


@pytest.mark.parametrize("file_format", ["pdf", "docx", "odt"])
def test_trainer_guide_adds_the_timetable_and_the_notes(client, course, file_format):
    text = squash(text_of(material(client, course, file_format, "guide"), file_format))
    assert "Undervisers vejledning" in text
    assert "Tidsplan" in text
    assert "1:30–2:30" in text  # the second session starts after the first's 90 minutes
    assert GUIDE_ONLY in text
    assert SESSION_GUIDE_ONLY in text
    assert page_by_ref("M13").title in text


def test_the_handout_is_the_default_variant(client, course):
    text = text_of(material(client, course, "docx"), "docx")
    assert "Deltagermateriale" in text and GUIDE_ONLY not in text


def test_docx_links_each_template_and_is_danish(client, course):
    response = material(client, course, "docx")
    doc, _text = docx_text(response.content)
    assert doc.core_properties.language == "da-DK"
    assert doc.core_properties.title == "Testkursus om det første brev – Deltagermateriale"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        rels = archive.read("word/_rels/document.xml.rels").decode()
        body = archive.read("word/document.xml").decode()
    template_url = page_by_ref("S4.1").full_url
    assert f'Target="{template_url}"' in rels and 'TargetMode="External"' in rels
    assert "<w:hyperlink" in body


def test_pdf_is_tagged_danish_and_links_the_template(client, course):
    reader, _text = pdf_text(material(client, course, "pdf", "guide").content)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "da"
    assert "/StructTreeRoot" in root
    uris = {
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object()
    }
    assert page_by_ref("S4.1").full_url in uris


def test_english_course_material_is_in_english(client):
    course = page_by_ref("KURSUS-KONTAKT", "en")
    response = material(client, course, "docx", "guide")
    doc, text = docx_text(response.content)
    assert doc.core_properties.language == "en-GB"
    assert "Trainer guide" in text and "Timetable" in text
    first_method = next(
        i.page
        for s in course.program.sessions
        for i in s.items
        if i.page._meta.model_name == "methodpage"
    )
    assert first_method.title in text


def test_material_follows_the_library(client, course):
    before = text_of(material(client, course, "docx"), "docx")
    method = page_by_ref("M13")
    method.summary = "Opsummeringen er skrevet om, og materialet følger med."
    method.save_revision().publish()
    after = text_of(material(client, course, "docx"), "docx")
    assert "Opsummeringen er skrevet om, og materialet følger med." in after
    assert "Opsummeringen er skrevet om" not in before
    method.unpublish()
    gone = text_of(material(client, CoursePage.objects.get(pk=course.pk), "docx"), "docx")
    assert method.title not in gone


def test_unknown_variant_gets_a_danish_message_and_unknown_format_is_not_found(client, course):
    response = client.get(f"{course.url}download/pdf/", {"variant": "alt<script>"})
    assert response.status_code == 400
    assert "Ukendt materiale" in response.content.decode()
    assert "<script>" not in response.content.decode() or response["Content-Type"].startswith(
        "text/plain"
    )
    assert client.get(f"{course.url}download/xlsx/").status_code == 404
