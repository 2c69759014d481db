"""Danish text analysis: what practitioners type finds what the library says."""

import pytest

from search.analysis import (
    MAX_QUERY_LENGTH,
    Known,
    ascii_token,
    decompound,
    document_terms,
    legal_refs,
    legal_token,
    normalize,
    query_concepts,
    ref_token,
    skeleton,
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


def _known(*texts):
    """What a library of these texts knows, as search.service builds it."""
    index_terms = {t for text in texts for t in document_terms(text, VOCABULARY)}
    return Known(index_terms, {stem(w): w for text in texts for w in text.split()})


def test_misspelling_gets_a_suggestion():
    known = _known("sindslidende", "netværksmøder", "kontaktskabelse")
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


@pytest.mark.parametrize("typed", ["opsogende", "opsoegende", "OPSOEGENDE", "opsøgende"])
def test_a_word_typed_without_danish_letters_finds_the_word_with_them(typed):
    page = set(document_terms("Opsøgende arbejde blandt pårørende", VOCABULARY))
    (concept,) = query_concepts(typed, VOCABULARY)
    assert concept.matches(page)
    assert concept.strength(page) == 1.0  # as if typed correctly, not as a weaker synonym


@pytest.mark.parametrize("typed", ["parorende", "paaroerende", "paarorende"])
def test_every_ascii_spelling_of_a_word_shares_its_skeleton(typed):
    assert skeleton(typed) == skeleton("pårørende") == "parorende"
    page = set(document_terms("Samtale med de pårørende", VOCABULARY))
    assert query_concepts(typed, VOCABULARY)[0].matches(page)


def test_a_compound_typed_without_danish_letters_matches_its_parts():
    page = set(document_terms("Støtte fra netværket", VOCABULARY))
    (concept,) = query_concepts("netvaerksstotte", VOCABULARY)
    assert concept.matches(page)


def test_stop_words_are_not_folded_into_other_words():
    # "bør" (ought) must not index the page under "bor" (lives), nor "når" under "nar" (fool).
    terms_of_page = set(document_terms("Man bør spørge, når man kommer", VOCABULARY))
    assert not {stem("bor"), ascii_token(stem("bor")), stem("nar"), ascii_token(stem("nar"))} & (
        terms_of_page
    )


def test_a_real_ascii_word_is_not_rewritten_to_a_danish_one():
    # "vagt" (on call) is not "vægt" (weight) where the library has both; where it only has
    # "vægt", an ASCII "vagt" is read as that, and "parorende" as "pårørende".
    both = _known("ingen vagt om natten", "vægt")
    assert both.with_danish_letters("vagt") == "vagt"
    only_danish = _known("vægt", "pårørende")
    assert only_danish.with_danish_letters("vagt") == "vægt"
    assert only_danish.with_danish_letters("parorende") == "pårørende"


def test_a_word_with_danish_letters_is_not_widened_to_its_ascii_skeleton():
    # Typed correctly, "møde" is møde: it does not also match a page that only says "mode".
    (concept,) = query_concepts("møde", VOCABULARY)
    assert not concept.matches(set(document_terms("Tøj og mode", VOCABULARY)))


def test_a_typo_in_the_first_word_still_needs_its_meaning():
    known = _known("opsøgende arbejde", "frivilligt arbejde", "kontaktskabelse")
    first, second = query_concepts("opsgende arbejde", VOCABULARY, known=known)
    assert first.matches(set(document_terms("Opsøgende arbejde", VOCABULARY)))
    assert not first.matches(set(document_terms("Frivilligt arbejde", VOCABULARY)))
    assert second.matches(set(document_terms("Frivilligt arbejde", VOCABULARY)))


def test_a_known_word_gets_no_corrections():
    known = _known("kontakt", "kontant")
    (concept,) = query_concepts("kontakt", VOCABULARY, known=known)
    assert not concept.matches(set(document_terms("kontant", VOCABULARY)))


def test_the_suggestion_writes_the_danish_letters_back():
    known = _known("opsøgende arbejde", "pårørende")
    assert suggest("opsogende arbejde", known) == "opsøgende arbejde"
    assert suggest("paaroerende", known) == "pårørende"
    assert suggest("opsøgende arbejde", known) is None
