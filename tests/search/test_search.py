"""The library's search as practitioners use it: the page, the API, facets, bad input, the log."""

import json

from django.contrib.auth.models import Group, Permission, User

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

import pytest

from search.models import SearchDocument, SearchQuery
from tests.conftest import page_by_ref

pytestmark = pytest.mark.django_db


def api(client, **params):
    response = client.get("/api/search/", params)
    assert response["Content-Type"] == "application/json"
    return response.status_code, json.loads(response.content)


def refs(client, query, language="da", **params):
    status, data = api(client, q=query, lang=language, **params)
    assert status == 200, data
    return [r["ref"] for r in data["results"]]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("netværksmøderne", "M23"),  # inflection of the title "Netværksmøder"
        ("Netværksmøde", "M23"),
        ("§99", "SEL-99"),
        ("§ 99", "SEL-99"),
        ("paragraf 99", "SEL-99"),
        ("SEL 99", "SEL-99"),
        ("skp paragraf 99", "SEL-99"),
        ("servicelovens § 85", "SEL-85"),
        ("M08", "M08"),
        ("ki plan", "M37"),
        ("koordinerende indsatsplan", "M37"),
        ("kvartalsjournal", "S4.1"),
        ("Netværksmøder", "M23"),  # an exact title
    ],
)
def test_the_page_asked_for_comes_first(client, query, first):
    assert refs(client, query)[0] == first


def test_parts_of_a_compound_find_the_compound():
    """ "behandling" and "misbrug" find pages that only say "misbrugsbehandling"."""
    from search.service import SearchRequest, search

    only_compound = [
        d.ref
        for d in SearchDocument.objects.filter(locale__language_code="da", live=True)
        if "misbrugsbehandling" in d.body_terms.split()
        and "misbrug" not in d.text.lower().replace("misbrugsbehandling", "")
    ]
    found = {r.ref for r in search(SearchRequest("behandling misbrug")).results}
    found |= {
        r.ref
        for p in range(2, 6)
        for r in search(SearchRequest("behandling misbrug", page=p)).results
    }
    assert only_compound, "the library has a page that says misbrugsbehandling only as a compound"
    assert set(only_compound) <= found


def test_abbreviations_and_synonyms_find_each_other(client):
    assert "M08" in refs(client, "støttekontaktperson")[:3]
    assert "M37" in refs(client, "KI-planer")[:3]
    assert "S3.3" in refs(client, "dobbeltdiagnose")[:5]


def test_an_editors_synonym_takes_effect_at_once(client):
    from search.models import SynonymGroup

    assert refs(client, "kaffeslabberas") == []
    SynonymGroup.objects.create(language="da", terms="kaffeslabberas, netværksmøde")
    assert refs(client, "kaffeslabberas")[0] == "M23"


def test_a_misspelling_is_corrected_and_says_so(client):
    status, data = api(client, q="netværsmøder", lang="da")
    assert status == 200
    assert data["results"][0]["ref"] == "M23"
    assert data["corrected_from"] == "netværsmøder"
    assert data["suggestion"] == "netværksmøder"


def test_the_api_gives_the_documented_fields_in_the_asked_language(client):
    status, data = api(client, q="network meetings", lang="en")
    assert status == 200
    assert {"query", "count", "results", "facets", "suggestion"} <= set(data)
    first = data["results"][0]
    assert {"ref", "type", "title", "url", "summary", "highlight"} <= set(first)
    assert first["ref"] == "M23"
    assert first["url"].startswith("/en/")
    assert first["title"] == page_by_ref("M23", "en").title
    assert "<mark>" in first["highlight"]


def test_facets_or_within_and_across_with_counts_that_follow_the_other_selections(client):
    _, everything = api(client, q="kontakt", lang="da")
    types = {v["value"]: v["count"] for v in everything["facets"]["type"]}
    assert types["methods.MethodPage"] > 0 and types["legal.LegalPage"] > 0

    _, methods = api(client, q="kontakt", lang="da", type="methods.MethodPage")
    assert methods["count"] == types["methods.MethodPage"]
    assert {r["type"] for r in methods["results"]} == {"methods.MethodPage"}
    # The type facet keeps counting the other types, so one can widen the choice.
    assert {v["value"]: v["count"] for v in methods["facets"]["type"]} == types

    _, either = api(client, q="kontakt", lang="da", type=["methods.MethodPage", "legal.LegalPage"])
    assert either["count"] == types["methods.MethodPage"] + types["legal.LegalPage"]

    phase = next(v for v in methods["facets"]["phase"] if 0 < v["count"] < methods["count"])
    _, both = api(client, q="kontakt", lang="da", type="methods.MethodPage", phase=phase["value"])
    assert both["count"] == phase["count"]
    selected = next(v for v in both["facets"]["phase"] if v["value"] == phase["value"])
    assert selected["selected"] is True
    for result in both["results"]:
        page = page_by_ref(result["ref"])
        assert phase["value"] in [p.code for p in page.phases.all()]


def test_browsing_without_words_filters_the_whole_library(client):
    status, data = api(client, lang="da", category="opsoegende")
    assert status == 200
    assert (
        data["count"]
        == SearchDocument.objects.filter(
            live=True,
            locale__language_code="da",
            facets__facet="category",
            facets__value="opsoegende",
        ).count()
    )


@pytest.mark.parametrize(
    "query",
    [
        '"',
        'netværk "møde',
        "NEAR(",
        "NEAR(kontakt",
        "*",
        "kontakt*",
        "-",
        "-kontakt",
        ":",
        "title:kontakt",
        "AND",
        "NOT",
        "OR",
        "a" * 100_000,
        "kontakt\x00",
        "🙂🙂",
        "مرحبا بالعالم",
        "'; DROP TABLE wagtailcore_page; --",
        "1' OR '1'='1",
        "^kontakt",
        "{}[]()",
    ],
)
def test_hostile_queries_never_break_search(client, query):
    status, data = api(client, q=query, lang="da")
    assert status == 200
    assert len(data["query"]) <= 200
    assert client.get("/soeg/", {"q": query}).status_code == 200


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"page": "-1"}, "Sidetallet"),
        ({"page": "abc"}, "Sidetallet"),
        ({"page": "0"}, "Sidetallet"),
        ({"page": "99999999999999999999"}, "Sidetallet"),
        ({"page": "²"}, "Sidetallet"),
        ({"page": "9" * 5000}, "Sidetallet"),
        ({"category": "findes-ikke"}, "findes-ikke"),
        ({"type": "wagtailcore.Page"}, "wagtailcore.Page"),
        ({"lang": "xx"}, "Sproget"),
    ],
)
def test_bad_parameters_get_a_danish_message(client, params, message):
    status, data = api(client, **{"q": "kontakt", "lang": "da", **params})
    assert status == 400
    assert message in data["error"]
    if "lang" not in params:
        page = client.get("/soeg/", {"q": "kontakt", **params})
        assert page.status_code == 400
        assert message in page.content.decode()


def test_the_api_is_rate_limited_per_client(client, settings):
    # A day-long window: a minute-long one can turn over between the four requests.
    settings.SEARCH_RATE_LIMIT = "3/d"
    codes = [
        client.get("/api/search/", {"q": "kontakt"}, REMOTE_ADDR="10.9.8.7").status_code
        for _ in range(4)
    ]
    assert codes == [200, 200, 200, 429]
    limited = client.get("/api/search/", {"q": "kontakt"}, REMOTE_ADDR="10.9.8.7")
    assert "Vent et minut" in json.loads(limited.content)["error"]
    assert client.get("/api/search/", {"q": "x"}, REMOTE_ADDR="10.1.1.1").status_code == 200


def test_autocomplete_offers_titles_as_one_types(client):
    data = json.loads(client.get("/api/search/autocomplete/", {"q": "netvæ"}).content)
    assert "Netværksmøder" in [s["title"] for s in data["suggestions"]]
    english = json.loads(
        client.get("/api/search/autocomplete/", {"q": "netw", "lang": "en"}).content
    )
    assert page_by_ref("M23", "en").title in [s["title"] for s in english["suggestions"]]


def test_searches_are_logged_without_anyone_who_searched(client):
    client.get("/soeg/", {"q": "xyzzy plugh"}, REMOTE_ADDR="192.0.2.44")
    client.get("/api/search/", {"q": "Netværksmøder"}, REMOTE_ADDR="192.0.2.44")
    nothing = SearchQuery.objects.get(normalized="xyzzy plugh")
    assert nothing.hits == 0
    assert SearchQuery.objects.get(normalized="netværksmøder").hits > 0
    stored = json.dumps(list(SearchQuery.objects.values()), default=str)
    assert "192.0.2.44" not in stored
    assert {f.name for f in SearchQuery._meta.get_fields()} == {
        "id",
        "query",
        "normalized",
        "language",
        "filters",
        "hits",
        "searched_at",
    }


def test_the_admin_reports_searches_that_found_nothing(client, admin_client):
    for _ in range(2):
        client.get("/soeg/", {"q": "qwertyasdf"})
    body = admin_client.get("/admin/reports/searches-without-results/").content.decode()
    assert "qwertyasdf" in body
    assert "Netværksmøder" not in body


def test_editors_without_permission_cannot_see_the_report(client):
    user = User.objects.create_user("redaktoer", password="x")
    group = Group.objects.create(name="Redaktører uden rapport")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    response = client.get("/admin/reports/searches-without-results/")
    assert response.status_code in (302, 403)


def test_a_promoted_page_comes_first_for_its_query(client):
    promoted = page_by_ref("M45")
    query = Query.get("netværksmøder")
    SearchPromotion.objects.create(query=query, page=promoted, sort_order=0)
    _, data = api(client, q="Netværksmøder", lang="da")
    assert data["results"][0]["ref"] == "M45"
    assert data["results"][0]["promoted"] is True
    assert data["results"][1]["ref"] == "M23"
    # In English the promotion shows the English version of the page.
    _, english = api(client, q="netværksmøder", lang="en")
    assert english["results"][0]["title"] == page_by_ref("M45", "en").title


def test_drafts_never_reach_search_and_unpublishing_removes_a_page(client):
    page = page_by_ref("M23")
    page.title = "Hemmeligt udkast zyxwv"
    page.save_revision()
    assert refs(client, "zyxwv") == []
    assert refs(client, "Netværksmøder")[0] == "M23"

    page = page_by_ref("M23")
    page.unpublish()
    assert "M23" not in refs(client, "Netværksmøder")


def test_publishing_an_edit_shows_at_once(client):
    page = page_by_ref("M23")
    page.summary = "Nu med ordet spejlrefleksion i resuméet."
    page.save_revision().publish()
    assert refs(client, "spejlrefleksion") == ["M23"]


def test_the_search_page_works_without_javascript(client):
    body = client.get("/soeg/", {"q": "kontakt", "type": "methods.MethodPage"}).content.decode()
    assert '<form class="search-page" method="get"' in body
    assert 'name="type" value="methods.MethodPage" checked' in body
    assert "<mark>" in body
    assert 'href="?q=kontakt&amp;type=methods.MethodPage&amp;page=2"' in body


def test_every_page_links_to_search(client):
    body = client.get(page_by_ref("M08").url).content.decode()
    assert 'action="/soeg/"' in body
    english = client.get(page_by_ref("M08", "en").url).content.decode()
    assert 'action="/en/soeg/"' in english


def test_search_uses_the_databases_full_text_index():
    """Not Wagtail's fallback (a LIKE scan): SQLite's FTS5 table or PostgreSQL's tsvector."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from wagtail.search.backends import get_search_backend
    from wagtail.search.models import IndexEntry

    expected = {"sqlite": "SQLiteSearchBackend", "postgresql": "PostgresSearchBackend"}
    assert type(get_search_backend()).__name__ == expected[connection.vendor]
    indexed = IndexEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(SearchDocument)
    ).count()
    assert indexed == SearchDocument.objects.count() > 200
    if connection.vendor == "postgresql":  # the expression Wagtail's PostgreSQL search filters on
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
                ["library_search_indexentry_title_body_gin"],
            )
            assert "(title || body)" in cursor.fetchone()[0]


def test_a_page_behind_a_password_is_never_found(client):
    from wagtail.models import PageViewRestriction

    page = page_by_ref("M23")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    assert "M23" not in refs(client, "Netværksmøder")
    restriction.delete()
    assert refs(client, "Netværksmøder")[0] == "M23"


def test_long_numbers_such_as_cpr_numbers_are_not_kept_in_the_log(client):
    client.get("/api/search/", {"q": "borger 010203-1234 bolig"})
    logged = SearchQuery.objects.latest("searched_at")
    assert "1234" not in logged.query and "010203" not in logged.query
    assert logged.query == "borger [tal] bolig"


def test_promoted_results_share_the_pages_with_the_rest(client):
    SearchPromotion.objects.create(
        query=Query.get("kontakt"), page=page_by_ref("M45"), sort_order=0
    )
    _, first = api(client, q="kontakt", lang="da")
    _, second = api(client, q="kontakt", lang="da", page=2)
    assert first["results"][0]["ref"] == "M45"
    assert first["count"] == second["count"]
    shown = [r["ref"] for r in first["results"]] + [r["ref"] for r in second["results"]]
    assert len(shown) == len(set(shown))
    assert "M45" not in [r["ref"] for r in second["results"]]
