"""Danish text analysis: what practitioners type finds what the library says."""

import pytest

from search.analysis import (
    MAX_QUERY_LENGTH,
    decompound,
    expand,
    legal_refs,
    normalize,
    stem,
    suggest,
    synonym_terms,
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


def test_synonyms_and_abbreviations_expand_the_query():
    synonyms = {"skp": [stem("støttekontaktperson")], stem("støttekontaktperson"): ["skp"]}
    assert expand(["skp"], synonyms) == ["skp", stem("støttekontaktperson")]


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


def test_an_abbreviation_brings_its_synonyms():
    extra = synonym_terms("hvad laver en skp medarbejder", GROUPS)
    assert stem("støttekontaktperson") in extra
    assert "99" in extra


def test_a_phrase_brings_its_abbreviation():
    assert "skp" in synonym_terms("Hvem er min støtte- og kontaktperson?", GROUPS)


def test_one_way_groups_work_one_way():
    assert stem("koordinationsplan") in synonym_terms("udskrivningsaftale", GROUPS)
    assert synonym_terms("koordinationsplan", GROUPS) == []


def test_words_inside_other_words_do_not_trigger_a_group():
    assert synonym_terms("skpx", GROUPS) == []
