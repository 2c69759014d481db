"""Search as a practitioner types in the middle of a case: without æ, ø and å on a borrowed
keyboard, with a typo in any word, in their own words for a situation, and in autocomplete."""

import json

import pytest

from tests.search.test_search import api, refs

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "correct"),
    [
        ("opsogende arbejde", "opsøgende arbejde"),
        ("opsoegende arbejde", "opsøgende arbejde"),
        ("parorende", "pårørende"),
        ("paaroerende", "pårørende"),
        ("borgeren abner ikke doren", "borgeren åbner ikke døren"),
        ("udskrivning fra psykiatrisk afdeling", "udskrivning fra psykiatrisk afdeling"),
    ],
)
def test_words_typed_without_danish_letters_rank_as_if_typed_correctly(client, typed, correct):
    assert refs(client, typed)[:5] == refs(client, correct)[:5] != []


def test_the_suggestion_gives_back_the_danish_letters(client):
    status, data = api(client, q="opsogende arbejde", lang="da")
    assert status == 200 and data["count"] > 0
    assert data["suggestion"] == "opsøgende arbejde"
    assert data["corrected_from"] is None  # its own words found these results
    # Found in the text too: the snippet marks the word as the page writes it.
    assert "<mark>" in data["results"][0]["highlight"]


def test_a_typo_in_the_first_word_still_ranks_by_relevance(client):
    wanted = refs(client, "opsøgende arbejde")[0]
    typo = refs(client, "opsgende arbejde")
    assert typo[0] == wanted
    # Not every page that says "arbejde" in alphabetical order, as before.
    _, data = api(client, q="opsgende arbejde", lang="da")
    titles = [r["title"] for r in data["results"]]
    assert titles != sorted(titles, key=str.casefold)
    assert data["suggestion"] == "opsøgende arbejde"


def test_a_typo_in_a_later_word_still_ranks_by_relevance(client):
    assert (
        refs(client, "kontaktskabende fremgangsmode")[0]
        == refs(client, "kontaktskabende fremgangsmåde")[0]
    )


def test_a_query_of_only_typos_says_whose_results_it_shows(client):
    _, data = api(client, q="netværsmøder", lang="da")
    assert data["results"][0]["ref"] == "M23"
    assert data["corrected_from"] == "netværsmøder"


def test_a_situation_in_a_practitioners_words_finds_a_situation_guide_first(client):
    _, data = api(client, q="hvad gør jeg når borgeren ikke åbner døren", lang="da")
    assert data["results"][0]["type"] == "situations.SituationPage"


@pytest.mark.parametrize("typed", ["opsog", "opsoeg", "opsøg"])
def test_autocomplete_meets_words_typed_without_danish_letters(client, typed):
    data = json.loads(client.get("/api/search/autocomplete/", {"q": typed}).content)
    titles = [s["title"] for s in data["suggestions"]]
    assert any("Opsøgende" in t or "opsøgende" in t for t in titles), titles


def test_autocomplete_suggests_pages_for_a_typo_and_for_a_situation(client):
    typo = json.loads(client.get("/api/search/autocomplete/", {"q": "netværsmøder"}).content)
    assert "Netværksmøder" in [s["title"] for s in typo["suggestions"]]
    situation = json.loads(
        client.get("/api/search/autocomplete/", {"q": "borgeren åbner ikke døren"}).content
    )
    assert situation["suggestions"]
