"""Citations a reader can use: the line codes leave the text as numbered notes, each note names
its source as a reader knows it and links to the quoted passage on the source's own page."""

import json
import re
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

import pytest
from bs4 import BeautifulSoup

from sources.citations import Notes, apply, passages
from sources.management.commands.extract_passages import ABRIDGED, MAX_LINES
from sources.models import PASSAGES, SourceDocumentPage
from tests.conftest import page_by_ref

SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"
CODE = re.compile(r"\b\d{3}:L\d")


def test_a_citation_becomes_a_note_and_keeps_the_prose_around_it():
    notes = Notes()
    first = apply("målgruppen (002:L605–610, L621).", "Kilde", notes)
    assert first.startswith("målgruppen<sup") and first.endswith("</sup>.")
    assert 'href="#note-1"' in first and ">Kilde </span>1<" in first
    kept = apply("som i Odense (Odense 2008; 002:L5240–5242) og", "Kilde", notes)
    assert "(Odense 2008)<sup" in kept and "L5240" not in kept
    again = apply("igen (002:L605–610, L621)", "Kilde", notes)
    assert 'href="#note-1"' in again and 'id="note-ref-1-2"' in again  # the same note, reused
    assert [n.number for n in notes] == [1, 2]
    assert [(p.doc, p.start, p.end) for p in notes.notes[0].passages] == [
        ("002", 605, 610),
        ("002", 621, 621),
    ]
    # A parenthesis without line numbers is left alone.
    assert apply("(se også § 99)", "Kilde", Notes()) == "(se også § 99)"


def test_a_range_written_short_means_the_whole_range():
    assert [(p.start, p.end) for p in passages("002:L605–10")] == [(605, 610)]


def test_the_quoted_passages_are_up_to_date_and_are_the_cited_lines():
    call_command("extract_passages", check=True)  # fails if a citation has no quotation
    quoted = json.loads(PASSAGES.read_text(encoding="utf-8"))
    lines = {p.name[:3]: p.read_text(encoding="utf-8").splitlines() for p in SEEDS.glob("*.txt")}
    for doc, items in quoted.items():
        for key, text in items.items():
            start, _, end = key.partition("-")
            cited = lines[doc][int(start) - 1 : int(end or start)]
            whole = "\n".join(cited).strip()
            if len(cited) <= MAX_LINES:
                assert text == whole, (doc, key)
            else:  # a long passage is quoted abridged: its first lines and its last
                head, _, tail = text.partition("\n" + ABRIDGED + "\n")
                assert whole.startswith(head) and whole.endswith(tail), (doc, key)
                assert len(text.splitlines()) < len(cited)
    assert sum(len(v) for v in quoted.values()) > 1000


@pytest.mark.django_db
@pytest.mark.parametrize("ref", ["M08", "SIT-04", "SEL-99", "S3.1"])
def test_a_page_shows_numbered_notes_that_lead_to_the_quoted_passage(client, ref):
    page = page_by_ref(ref)
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    main = soup.find("main")
    assert not CODE.search(main.get_text()), "no line codes in what the reader sees"
    markers = main.select("sup.note-ref a")
    assert markers
    notes = main.select("ol.notes > li")
    assert [li["id"] for li in notes] == [f"note-{n}" for n in range(1, len(notes) + 1)]
    for marker in markers:
        assert main.find(id=marker["href"][1:]) is not None
    # The first note names the document and its part, and one click shows the passage.
    first = notes[0]
    link = first.find("a", href=re.compile("/afsnit/"))
    assert "linje" in link.get_text()
    assert first.select_one(".notes__doc").get_text()
    target = client.get(link["href"].split("#")[0])
    assert target.status_code == 200
    part = BeautifulSoup(target.content, "html.parser")
    anchor = link["href"].split("#")[1]
    quotation = part.find(id=anchor)
    assert quotation is not None and quotation.find("blockquote").get_text(strip=True)
    assert "linje" in quotation.find("figcaption").get_text()


@pytest.mark.django_db
def test_no_page_of_the_library_shows_line_codes(client):
    from wagtail.models import Page

    shown = []
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        response = client.get(page.url)
        if response.status_code != 200:
            continue
        text = BeautifulSoup(response.content, "html.parser").find("main").get_text()
        if CODE.search(text):
            shown.append(page.url)
    assert shown == []


@pytest.mark.django_db
def test_a_source_document_page_lists_its_parts(client):
    document = SourceDocumentPage.objects.live().get(doc="002", locale__language_code="da")
    soup = BeautifulSoup(client.get(document.url).content, "html.parser")
    parts = soup.select("ol.source-parts > li a")
    assert len(parts) == len(document.sections) >= 10
    assert client.get(parts[0]["href"]).status_code == 200
    assert client.get(document.url + "afsnit/999/").status_code == 404
    assert client.get(document.url + "afsnit/0/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("file_format", ["pdf", "docx", "odt"])
def test_a_course_handout_carries_the_same_notes(client, file_format):
    from tests.files import docx_text, odt_text, pdf_text

    course = page_by_ref("KURSUS-KONTAKT")
    response = client.get(f"{course.url}download/{file_format}/", {"variant": "handout"})
    assert response.status_code == 200
    text = {"pdf": pdf_text, "docx": docx_text, "odt": odt_text}[file_format](response.content)[1]
    assert not CODE.search(text), "no line codes in the handout"
    assert "[1]" in text and "[2]" in text
    # The notes at the end name the source document, the part and the lines.
    notes = " ".join(text[text.rindex("Kilder") :].split())
    titles = SourceDocumentPage.objects.filter(locale__language_code="da").values_list(
        "title", flat=True
    )
    assert any(f"[1] {title}: " in notes for title in titles)
    assert "linje" in notes
