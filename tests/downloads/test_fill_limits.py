"""One filled form cannot hold a server worker: the answers together are bounded, a PDF is stopped
after its time limit, and a process writes one filled PDF at a time. Each refusal is a Danish
message on the form, with everything typed kept."""

import time

import pytest

from downloads.forms import MAX_TOTAL_TEXT, FillForm
from downloads.pdf import PDFTimeout, filling_slot, html_to_pdf
from tests.conftest import page_by_ref
from tests.files import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def longest_form():
    """The template with the most text fields (the Ishøj project description, 92)."""
    page = page_by_ref("S4.8")
    form = FillForm(page.form_definition())
    names = [name for name, field in form.fields.items() if type(field).__name__ == "TextField"]
    assert len(names) > 80
    return page, names


def answers(names, each):
    words = "Borgeren ønsker kontakt igen. " * 200
    return {name: f"{i}:{words}"[:each] for i, name in enumerate(names)}


def test_answers_past_the_total_are_refused_at_once_with_the_answers_kept(client, longest_form):
    page, names = longest_form
    data = {**answers(names, 4990), "file_format": "pdf"}  # 459,080 characters took a minute
    started = time.monotonic()
    response = client.post(f"{page.url}udfyld/", data)
    assert time.monotonic() - started < 5
    assert response.status_code == 400
    body = response.content.decode()
    assert "Svarene fylder 459.080 tegn i alt" in body
    assert "højst 20.000" in body
    assert data[names[-1]][:200] in body  # what was typed is shown again


def test_a_form_filled_up_to_the_total_comes_back_as_a_pdf(client, longest_form):
    page, names = longest_form
    each = MAX_TOTAL_TEXT // len(names)
    data = {**answers(names, each), "file_format": "pdf"}
    response = client.post(f"{page.url}udfyld/", data)
    assert response.status_code == 200
    text = " ".join(pdf_text(response.content)[1].split())
    assert " ".join(data[names[-1]].split())[:80] in text


def test_a_second_filled_pdf_in_the_same_process_is_asked_to_wait(client, longest_form):
    page, names = longest_form
    data = {**answers(names, 50), "file_format": "pdf"}
    with filling_slot():  # this process is writing another reader's PDF
        response = client.post(f"{page.url}udfyld/", data)
    assert response.status_code == 503
    body = response.content.decode()
    assert "Der laves et andet PDF-dokument lige nu" in body
    assert data[names[0]] in body
    # DOCX and ODT are written in the process itself, in a fraction of a second: never refused.
    with filling_slot():
        assert client.post(f"{page.url}udfyld/", {**data, "file_format": "docx"}).status_code == 200
    assert client.post(f"{page.url}udfyld/", data).status_code == 200  # the place is free again


def test_a_pdf_past_its_time_limit_is_stopped():
    started = time.monotonic()
    with pytest.raises(PDFTimeout):
        html_to_pdf('<html lang="da"><body><p>Hej</p></body></html>', timeout=0.05)
    assert time.monotonic() - started < 2
