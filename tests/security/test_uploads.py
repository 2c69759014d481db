"""Document uploads in the admin: an allow-list of types, a maximum size, and content that matches
the file's name; a refused file is not stored and the editor gets a Danish message."""

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model

import pytest

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" * 8


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("redaktion", "r@example.invalid", "pw")
    client.force_login(user)
    return client


def upload(client, name, content):
    return client.post(
        "/admin/documents/add/",
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1},
    )


def test_a_real_pdf_is_stored(editor):
    response = upload(editor, "vejledning.pdf", PDF)
    assert response.status_code == 302
    assert get_document_model().objects.filter(title="vejledning.pdf").exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("program.exe", PROGRAM, "Filendelse “exe” er ikke tilladt"),
        ("side.html", b"<script>alert(1)</script>", "Filendelse “html” er ikke tilladt"),
        ("vejledning.pdf", PROGRAM, "ikke PDF"),
        ("skema.docx", PROGRAM, "ikke DOCX"),
        ("data.csv", b"navn;tal\n\x00\x01\x02", "ikke CSV"),
    ],
)
def test_a_file_of_another_type_or_with_other_content_is_refused(editor, name, content, message):
    response = upload(editor, name, content)
    assert response.status_code == 200  # the form again, with the error
    body = response.content.decode()
    assert message in body
    assert "Filendelse “”" not in body  # one clear message, not a second about an empty name
    assert not get_document_model().objects.exists()


def test_a_file_over_the_maximum_size_is_refused(editor, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = upload(editor, "stor.pdf", PDF + b"0" * 2048)
    assert "Filen er for stor" in response.content.decode()
    assert not get_document_model().objects.exists()
