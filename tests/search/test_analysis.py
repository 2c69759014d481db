"""Danish text analysis: what practitioners type finds what the library says."""

import pytest

from search.analysis import (
    MAX_QUERY_LENGTH,
    decompound,
    document_terms,
    legal_refs,
    legal_token,
    normalize,
    query_concepts,
    ref_token,
    stem,
    suggest,
    terms,
)

VOCABULARY = {
    stem(w)
    for w in [
        "misbrug",
        "behandling",
        "netværk",
        "møde",
        "kontakt",
        "person",
        "støtte",
        "plan",
        "indsats",
        "koordinering",
        "social",
    ]
}


@pytest.mark.parametrize(
    "form", ["netværksmøde", "netværksmøder", "netværksmøderne", "Netværksmødet"]
)
def test_inflections_share_one_stem(form):
    assert terms(form)[0] == terms("netværksmøde")[0]


def test_compounds_are_split_into_known_parts_with_the_linking_s():
    assert decompound(stem("misbrugsbehandling"), VOCABULARY) == [
        stem("misbrug"),
        stem("behandling"),
    ]
    index = terms("Misbrugsbehandlingen i kommunen", VOCABULARY)
    assert {stem("misbrug"), stem("behandling")} <= set(index)


def test_parts_of_a_query_find_the_compound_in_the_text():
    index = set(terms("Netværksmøderne holdes hver måned", VOCABULARY))
    assert stem("netværk") in index
    assert set(terms("møde")) <= index


def test_words_that_are_not_compounds_are_left_whole():
    assert decompound(stem("behandling"), VOCABULARY) == []
    assert decompound(stem("ki"), VOCABULARY) == []


def test_hyphenated_words_are_found_joined_and_apart():
    index = set(terms("KI-planen"))
    assert {stem("kiplan"), "ki", stem("planen")} <= index
    assert set(terms("ki plan")) <= index | {stem("plan")}
    assert stem("plan") == stem("planen")


@pytest.mark.parametrize(
    ("query", "refs"),
    [
        ("§99", ["SEL-99"]),
        ("§ 99", ["SEL-99"]),
        ("paragraf 99", ["SEL-99"]),
        ("SEL 99", ["SEL-99"]),
        ("skp paragraf 99", ["SEL-99"]),
        ("servicelovens § 81", ["SEL-81"]),
        ("sundhedslovens § 141", ["SUL-141"]),
        ("§§ 107–110", ["SEL-107-110"]),
        ("netværksmøder", []),
    ],
)
def test_legal_paragraphs_in_any_spelling(query, refs):
    assert legal_refs(query) == refs


def test_misspelling_gets_a_suggestion():
    known = {"sindslidende", "netværksmøder", "kontaktskabelse"}
    assert suggest("sindsslidende", known) == "sindslidende"
    assert suggest("kontaktskabelse", known) is None
    assert suggest("xyzzy", known) is None


@pytest.mark.parametrize(
    "hostile",
    [
        '"',
        "NEAR(",
        "*",
        "-",
        ":",
        "AND",
        "NOT",
        "\x00",
        "🙂🙂",
        "مرحبا",
        "'; DROP TABLE x; --",
        "a" * 100_000,
    ],
)
def test_hostile_input_is_normalised_without_error(hostile):
    text = normalize(hostile)
    assert len(text) <= MAX_QUERY_LENGTH
    assert "\x00" not in text
    terms(hostile)
    legal_refs(hostile)


def test_normalize_keeps_danish_letters_and_folds_case():
    assert normalize("  Støtte-  og KONTAKTperson\tÆØÅ ") == "støtte- og kontaktperson æøå"


GROUPS = [
    (["SKP", "støtte- og kontaktperson", "støttekontaktperson", "§ 99"], False),
    (["udskrivningsaftale", "koordinationsplan"], True),
]


def test_a_query_becomes_concepts_a_page_satisfies_in_any_of_its_ways():
    concepts = query_concepts("skp paragraf 99", VOCABULARY, GROUPS)
    assert [c.kind for c in concepts] == ["legal", "synonym"]
    legal, skp = concepts
    assert legal.matches({legal_token("SEL-99")})
    assert skp.matches({"skp"})
    assert skp.matches({stem("støtte"), "kontaktperson"})
    assert not skp.matches({stem("støtte")})


def test_the_searchers_own_word_counts_more_than_a_synonym():
    (skp,) = query_concepts("støttekontaktperson", VOCABULARY, GROUPS)
    assert skp.strength({stem("støttekontaktperson")}) == 1.0
    assert 0 < skp.strength({"skp"}) < 1.0
    assert skp.strength({"andet"}) == 0


def test_question_words_are_not_concepts_but_a_lone_stop_word_is_kept():
    concepts = query_concepts("hvordan får jeg kontakt til en borger", VOCABULARY)
    assert [c.text for c in concepts] == ["kontakt", "borger"]
    assert [c.text for c in query_concepts("og")] == ["og"]


def test_a_compound_in_the_query_matches_its_parts_in_a_page():
    (concept,) = query_concepts("misbrugsbehandling", VOCABULARY)
    assert concept.matches({stem("misbrug"), stem("behandling")})
    assert not concept.matches({stem("misbrug")})


def test_refs_in_the_query_become_ref_tokens():
    assert query_concepts("M08")[0].matches({ref_token("M08")})
    assert query_concepts("s4.2")[0].matches({ref_token("S4.2")})
    assert ref_token("SEL-99") != legal_token("SEL-99")


def test_documents_are_indexed_under_stems_parts_and_cited_paragraphs():
    index = document_terms("Netværksmøderne følger servicelovens § 99 og KI-planen", VOCABULARY)
    assert {stem("netværksmøde"), stem("netværk"), legal_token("SEL-99"), "ki"} <= set(index)
    assert "og" not in index
