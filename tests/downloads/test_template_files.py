"""Templates as files: DOCX, ODT and PDF made from the form definition, opened again and read."""

import logging

from django.apps import apps

import pytest

from tests.conftest import page_by_ref
from tests.downloads.conftest import OPTION_TEXTS, QUESTION_LABELS
from tests.files import docx_text, odt_text, pdf_text

pytestmark = pytest.mark.django_db


def download(client, page, file_format):
    response = client.get(f"{page.url}download/{file_format}/")
    assert response.status_code == 200, response.content[:300]
    return response


def test_docx_has_title_headings_every_question_and_option_and_is_danish(client, template_page):
    response = download(client, template_page, "docx")
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    assert (
        'filename="kvartalsvis-aktivitetsjournal-samarbejdspartnere.docx"'
        in response["Content-Disposition"]
    )
    doc, text = docx_text(response.content)
    assert doc.core_properties.title == template_page.title
    assert doc.core_properties.language == "da-DK"
    assert 'w:val="da-DK"' in doc.styles.element.xml
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "Del 1: Om indberetningen" in headings
    assert "6. Hvor bor brugeren?" in headings
    for label in QUESTION_LABELS:
        assert label in text
    for option in OPTION_TEXTS:
        assert f"☐ {option}" in text or option in text
    assert "Hvis svaret er 3 eller 4, gå til spørgsmål 8." in text
    assert "Brugeren åbner døren" in text  # the matrix, as a table
    assert "Beskrivelse" in text  # the repeating group's columns


def test_odt_has_every_question_and_option_and_is_danish(client, template_page):
    response = download(client, template_page, "odt")
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.text"
    odt, text = odt_text(response.content)
    for label in QUESTION_LABELS:
        assert label in text
    for option in OPTION_TEXTS:
        assert option in text
    styles = odt.stylesxml()
    assert 'fo:language="da"' in styles and 'fo:country="DK"' in styles
    assert "<dc:language>da-DK</dc:language>" in odt.metaxml()


def test_pdf_is_tagged_danish_and_has_every_question(client, template_page):
    response = download(client, template_page, "pdf")
    assert response["Content-Type"] == "application/pdf"
    reader, text = pdf_text(response.content)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "da"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert reader.metadata.title == template_page.title
    for label in QUESTION_LABELS:
        assert label in text
    for option in OPTION_TEXTS:
        assert option in text


def test_the_page_links_its_downloads_and_the_online_form(client, template_page):
    body = client.get(template_page.url).content.decode()
    for file_format in ("docx", "odt", "pdf"):
        assert f'href="{template_page.url}download/{file_format}/"' in body
    assert f'href="{template_page.url}udfyld/"' in body


def test_a_published_edit_shows_at_once_and_a_draft_never_leaks(client, template_page):
    before = docx_text(download(client, template_page, "docx").content)[1]
    page = page_by_ref("S4.1")
    page.form[0].value["title"] = "Del 1: Udkast der ikke er udgivet"
    page.save_revision()
    assert docx_text(download(client, template_page, "docx").content)[1] == before

    page = page_by_ref("S4.1")
    page.form[0].value["title"] = "Del 1: Nu udgivet"
    page.save_revision().publish()
    for file_format, read in (("docx", docx_text), ("odt", odt_text), ("pdf", pdf_text)):
        assert "Del 1: Nu udgivet" in read(download(client, template_page, file_format).content)[1]


def test_unknown_formats_and_pages_without_a_form_are_not_found(client, template_page):
    assert client.get(f"{template_page.url}download/exe/").status_code == 404
    no_form = page_by_ref("S4.13")
    no_form.form = []
    no_form.save_revision().publish()
    assert client.get(f"{no_form.url}download/docx/").status_code == 404
    assert client.get(f"{no_form.url}udfyld/").status_code == 404


FILLED = {
    "q1": "ABC",
    "q2": "2026-11-02",
    "q3__quarter": "4",
    "q3__year": "2026",
    "q4": "7",
    "q5__hours": "3",
    "q5__minutes": "15",
    "q6": "1",
    "q7": "Lejlighed på 2. sal med altan",
    "q8": ["2"],
    "q9__r0": "2",
    "q9__r1": "0",
    "q10__0__0": "2026-10-05",
    "q10__0__1": "1.5",
    "q10__0__2": "Første møde med naboen",
    "q11": ["0"],
    "q12": "on",
}


@pytest.mark.parametrize("file_format", ["docx", "odt", "pdf"])
def test_a_filled_form_comes_back_with_the_answers(client, template_page, file_format):
    response = client.post(f"{template_page.url}udfyld/", {**FILLED, "file_format": file_format})
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert f"-udfyldt.{file_format}" in response["Content-Disposition"]
    read = {"docx": docx_text, "odt": odt_text, "pdf": pdf_text}[file_format]
    text = read(response.content)[1]
    for value in (
        "ABC",
        "02.11.2026",
        "Kvartal 4, 2026",
        "7 gange",
        "3 timer 15 minutter",
        "Lejlighed på 2. sal med altan",
        "Første møde med naboen",
        "05.10.2026",
    ):
        assert value in text, value
    assert "☒ Egen bolig (1)" in text
    assert "☐ Botilbud (2)" in text
    assert "☒ Sagsbehandler (2)" in text
    assert "☒ Aftale om næste møde" in text
    assert "☒ Borgeren har sagt ja til samarbejdet" in text


def test_skip_logic_leaves_out_the_questions_in_between(client, template_page):
    response = client.post(
        f"{template_page.url}udfyld/",
        {**FILLED, "q6": "3", "q7": "Skal ikke med", "file_format": "docx"},
    )
    assert response.status_code == 200  # q7 is required, but skipped
    text = docx_text(response.content)[1]
    assert "Skal ikke med" not in text
    assert "(Sprunget over)" in text


def test_errors_are_danish_and_keep_what_was_typed(client, template_page):
    response = client.post(
        f"{template_page.url}udfyld/",
        {
            "q1": "",
            "q2": "ikke en dato",
            "q7": "Min tekst æøå",
            "q9__r0": "9",
            "file_format": "pdf",
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Besvar spørgsmål 1" in body
    assert "Indtast en gyldig dato." in body
    assert "Min tekst æøå" in body
    assert 'value="ikke en dato"' in body
    assert 'id="error-summary"' in body


def test_nothing_typed_is_stored_or_logged(client, template_page, caplog, tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path)
    secret = "Hemmelig-tekst-4711"
    models = [m for m in apps.get_models() if not m._meta.proxy]
    before = {m: m.objects.count() for m in models}
    caplog.set_level(logging.DEBUG)
    for data in (
        {**FILLED, "q7": secret, "file_format": "docx"},
        {**FILLED, "q7": secret, "q1": "", "file_format": "docx"},  # an error: re-shown, not kept
    ):
        client.post(f"{template_page.url}udfyld/", data)
    after = {m: m.objects.count() for m in models}
    assert after == before
    assert secret not in caplog.text
    assert list(tmp_path.iterdir()) == []
    from django.core.cache import cache

    cached = getattr(cache, "_cache", {})
    assert not any(secret.encode() in (v if isinstance(v, bytes) else b"") for v in cached.values())


@pytest.mark.parametrize("language", ["da", "en"])
def test_methods_and_their_templates_link_each_other(client, language):
    method, template = page_by_ref("M37", language), page_by_ref("S4.3", language)
    method_page = client.get(method.url).content.decode()
    templates = method_page.split('id="section-templates"')[1].split("</section>")[0]
    assert f'href="{template.url}"' in templates
    template_page = client.get(template.url).content.decode()
    methods = template_page.split('id="section-methods"')[1].split("</section>")[0]
    assert f'href="{method.url}"' in methods


def test_control_characters_typed_do_not_break_the_file(client, template_page):
    response = client.post(
        f"{template_page.url}udfyld/",
        {**FILLED, "q1": "AB\x01C\x0b", "q6": "3", "q7": "", "file_format": "docx"},
    )
    assert response.status_code == 200
    assert "ABC" in docx_text(response.content)[1]


def test_a_quarter_needs_both_quarter_and_year(client, template_page):
    response = client.post(
        f"{template_page.url}udfyld/", {**FILLED, "q3__year": "", "file_format": "docx"}
    )
    assert response.status_code == 400
    assert "Angiv både kvartal og år." in response.content.decode()


TEMPLATES_WITH_FORMS = [f"S4.{n}" for n in range(1, 13)]


def test_the_reporting_form_has_all_52_questions():
    definition = page_by_ref("S4.2").form_definition()
    numbers = {q.number.rstrip("abcdef–-") for q in definition.questions() if q.number}
    assert {str(n) for n in range(1, 53)} <= numbers


@pytest.mark.parametrize("file_format", ["docx", "odt", "pdf"])
@pytest.mark.parametrize("ref", TEMPLATES_WITH_FORMS)
def test_every_template_file_has_every_question_and_option(client, ref, file_format):
    page = page_by_ref(ref)
    definition = page.form_definition()
    assert definition, f"{ref} has a form"
    read = {"docx": docx_text, "odt": odt_text, "pdf": pdf_text}[file_format]
    text = read(download(client, page, file_format).content)[1]
    # Compared without white space: a PDF's text comes back broken into lines wherever the
    # layout wrapped it ("brevsprækken/" + "vinduet").
    flat = "".join(text.split())

    def present(words):
        return "".join(words.split()) in flat

    for question in definition.questions():
        assert present(question.heading), f"{ref} {file_format}: {question.heading}"
        for option in question.options:
            assert present(option.text), f"{ref} {file_format}: {option.text}"
        for item in question.items:
            assert present(item), f"{ref} {file_format}: {item}"


def test_too_many_filled_documents_are_refused_and_the_answers_kept(
    client, template_page, settings
):
    settings.FILL_RATE_LIMIT = "2/d"
    url = f"{template_page.url}udfyld/"
    assert [client.post(url, {**FILLED, "file_format": "docx"}).status_code for _ in "ab"] == [
        200
    ] * 2
    response = client.post(url, {**FILLED, "file_format": "docx"})
    assert response.status_code == 429
    body = response.content.decode()
    assert "For mange dokumenter på kort tid" in body
    assert "Lejlighed på 2. sal med altan" in body  # what was typed is kept
    assert response["Cache-Control"] == "no-store"
