"""Situation guides ("Hvad gør jeg, når …?") as a practitioner in the middle of a case reads them:
what to do first, who and when, the methods, the law as the sources cite it, the forms, the
sources of every statement, and the way to them from the home page and the methods."""

import re
from pathlib import Path

from django.conf import settings

import pytest
from bs4 import BeautifulSoup

from situations.models import SituationPage
from tests.conftest import page_by_ref

pytestmark = pytest.mark.django_db

SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"
CITATION = re.compile(r"\([^()]*\b\d{3}:L\d+[^()]*\)")
CITED = re.compile(r"(\d{3}):((?:L\d+(?:[–-]\d+)?(?:,\s*)?)+)")
SOURCED_FIELDS = ["situation", "methods_note", "law", "pitfalls"]


def guides(language="da"):
    return list(
        SituationPage.objects.live().filter(locale__language_code=language).order_by("path")
    )


def _statements(html):
    """The paragraphs and list items of a rich text, as text."""
    soup = BeautifulSoup(html or "", "html.parser")
    return [
        el.get_text(" ", strip=True) for el in soup.find_all(["p", "li"]) if el.get_text(strip=True)
    ]


def test_the_library_has_at_least_twenty_guides_in_danish_and_english():
    danish = guides("da")
    assert len(danish) >= 20
    english_keys = {g.translation_key for g in guides("en")}
    assert {g.translation_key for g in danish} <= english_keys


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_guide_has_what_a_practitioner_needs(language):
    for guide in guides(language):
        assert guide.situation and guide.pitfalls, guide.ref
        assert len(guide.signs) >= 2, guide.ref
        assert len(guide.first_steps) >= 3, guide.ref
        for step in guide.first_steps:
            assert step.value["action"] and step.value["who"] and step.value["when"], guide.ref
        assert guide.method_links.exists(), guide.ref
        assert guide.legal_links.exists(), guide.ref
        assert guide.source_list(), guide.ref


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_statement_of_a_guide_cites_the_sources(language):
    for guide in guides(language):
        statements = [s for name in SOURCED_FIELDS for s in _statements(getattr(guide, name))]
        statements += [s for block in guide.signs for s in _statements(block.value.source)]
        statements += [
            s for block in guide.first_steps for s in _statements(block.value["body"].source)
        ]
        uncited = [s for s in statements if not CITATION.search(s)]
        assert not uncited, (guide.ref, uncited[:3])
        # The library's own remarks are its own: they cite nothing.
        assert not CITATION.search(guide.own_remarks or ""), guide.ref


def test_every_cited_line_is_in_its_source_document():
    lengths = {
        path.name[:3]: len(path.read_text(encoding="utf-8").splitlines())
        for path in SEEDS.glob("*.txt")
    }
    for guide in guides():
        text = " ".join(
            [*(getattr(guide, name) or "" for name in SOURCED_FIELDS), str(guide.first_steps)]
        )
        for doc, lines in CITED.findall(text):
            for number in re.findall(r"\d+", lines):
                assert int(number) <= lengths[doc], (guide.ref, doc, number)


def test_a_guide_page_says_what_to_do_first_who_and_when(client):
    guide = guides()[0]
    soup = BeautifulSoup(client.get(guide.url).content, "html.parser")
    assert soup.h1.get_text(strip=True) == guide.title
    steps = soup.select("#section-first-steps ~ ol.actions > li")
    assert len(steps) == len(guide.first_steps)
    first = guide.first_steps[0].value
    assert steps[0].h3.get_text(strip=True) == first["action"]
    meta = steps[0].select_one(".action__meta").get_text(" ", strip=True)
    assert f"Hvem {first['who']}" in meta and f"Hvornår {first['when']}" in meta
    for heading in ("Situationen", "Det gør du først", "Hvad loven giver mulighed for", "Kilder"):
        assert soup.find("h2", string=heading), heading


def test_a_guide_links_its_methods_law_and_templates_without_copying_them(client):
    guide = next(g for g in guides() if g.template_links.exists())
    body = client.get(guide.url).content.decode()
    soup = BeautifulSoup(body, "html.parser")
    methods = soup.select_one('section[aria-labelledby="section-methods"]')
    method = guide.method_links.first().target.specific
    assert methods.find("a", href=method.url, string=method.title)
    # Linked, not copied: the method's own steps are not on the guide.
    for step in getattr(method, "steps", []) or []:
        assert step.value["heading"] not in methods.get_text()
    law = soup.select_one('section[aria-labelledby="section-law"]')
    provision = guide.legal_links.first().target
    assert law.find("a", href=provision.url)
    assert "Loven kan være ændret siden" in law.get_text()
    template = guide.template_links.first().target
    assert soup.select_one("#section-templates").find_next("a", href=template.url)


def test_the_librarys_own_advice_is_marked_as_its_own(client):
    guide = next(g for g in guides() if g.own_remarks)
    soup = BeautifulSoup(client.get(guide.url).content, "html.parser")
    box = soup.select_one("aside.own-remark")
    assert box.h2.get_text(strip=True) == "Bibliotekets egen bemærkning"
    assert "står ikke i kilderne" in box.get_text()


def test_methods_link_to_the_guides_that_use_them(client):
    guide = guides()[0]
    method = guide.method_links.first().target.specific
    soup = BeautifulSoup(client.get(method.url).content, "html.parser")
    section = soup.select_one('section[aria-labelledby="section-situations"]')
    assert section.find("a", href=guide.url, string=guide.title)


def test_legal_pages_link_to_the_guides_that_cite_them(client):
    guide = guides()[0]
    provision = guide.legal_links.first().target
    soup = BeautifulSoup(client.get(provision.url).content, "html.parser")
    section = soup.select_one('section[aria-labelledby="section-situations"]')
    assert section.find("a", href=guide.url)


def test_the_home_page_asks_what_you_are_facing(client):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    heading = soup.find("h2", string="Hvad står du med?")
    listed = {a["href"] for a in heading.find_parent("section").select("li a")}
    assert {g.url for g in guides()} <= listed
    english = BeautifulSoup(client.get(page_by_ref("HOME", "en").url).content, "html.parser")
    assert english.find("h2", string="What are you facing?")


def test_the_english_guide_is_the_whole_translation(client):
    guide = guides("en")[0]
    soup = BeautifulSoup(client.get(guide.url).content, "html.parser")
    assert soup.html["lang"] == "en"
    assert soup.find("h2", string="What to do first")
    assert len(soup.select("ol.actions > li")) == len(guide.first_steps)
