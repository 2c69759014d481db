"""Hostile GET parameters to the search page and API, autocomplete and the page API."""

from functools import cache

from wagtail.models import get_page_models

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from search.models import SearchQuery
from tests.fuzz.harness import FUZZ, changed, keeps_cpr, table_counts
from tests.fuzz.values import (
    headers,
    hostile,
    huge_int,
    nasty,
    page_ids,
    page_urls,
    pairs,
    raw_query,
    search_params,
)

pytestmark = pytest.mark.django_db

# --- 1. GET parameters of every public endpoint ---------------------------------------------


def _search_log_check(fuzz, before):
    """A logged search never keeps a CPR-looking number; searches store nothing else."""
    after = table_counts()
    diff = changed(before, after)
    diff.pop(SearchQuery._meta.db_table, None)
    if diff:
        fuzz.violation(f"GET requests stored rows: {diff}")
    logged = SearchQuery.objects.values_list("query", "normalized")
    if not logged:
        fuzz.violation("no search was logged: the check of the search log checked nothing")
    for query, normalized in logged:
        if keeps_cpr(query) or keeps_cpr(normalized):
            fuzz.violation(f"a search log keeps a CPR-looking number: {query!r} / {normalized!r}")


SEARCH_EXAMPLES = [
    [("q", '"')], [("q", "\x00")], [("q", "\u3000")], [("q", '"\u3000')],
    [("q", "010190-1234")], [("q", "０１０１９０１２３４")], [("q", "⁰¹⁰¹⁹⁰-¹²³⁴")],
    [("page", "9223372036854775808")], [("page", "-1")], [("page", "0")], [("lang", "\x00")],
    [("q", "a" * 4000)], [("category", "\x00")], [("type", "'")],
    [("q", "SKP"), ("page", "500")], [("q", "§ 99"), ("type", "methods.MethodPage")],
]  # fmt: skip


@pytest.mark.parametrize("path", ["/soeg/", "/en/soeg/", "/api/search/"])
def test_search_parameters(fuzz, path):
    before = table_counts()

    @settings(FUZZ, max_examples=150)
    @given(params=search_params(), headers=headers)
    def run(params, headers):
        fuzz.get(path, params, headers=headers)

    for params in SEARCH_EXAMPLES:
        run = example(params=params, headers={})(run)
    run()
    _search_log_check(fuzz, before)
    fuzz.assert_clean()


def test_autocomplete_and_raw_query_strings(fuzz):
    before = table_counts()
    endpoints = ["/api/search/autocomplete/", "/api/search/", "/soeg/", "/en/soeg/"]

    @settings(FUZZ, max_examples=120)
    @given(
        path=st.sampled_from(endpoints),
        params=st.one_of(
            pairs({"q": hostile(), "lang": st.one_of(st.sampled_from(["da", "en"]), nasty)}),
            raw_query,
        ),
    )
    @example(path="/api/search/autocomplete/", params=[("q", '"')])
    @example(path="/api/search/autocomplete/", params=[("q", "\x00")])
    @example(path="/api/search/autocomplete/", params=[("q", "\u3000")])
    @example(path="/api/search/autocomplete/", params=[("q", "a" * 4000)])
    @example(path="/api/search/", params="q=%E3%80")
    @example(path="/api/search/", params="q=%FF%FE&page=%00")
    @example(path="/soeg/", params="q=%ZZ&&&==&page")
    def run(path, params):
        fuzz.get(path, params)

    run()
    _search_log_check(fuzz, before)
    fuzz.assert_clean()


def api_values():
    ids = page_ids()
    some_id = st.sampled_from(ids).map(str)
    page_ref = st.one_of(some_id, st.just("root"), huge_int, nasty)
    return {
        "search": hostile(),
        "search_operator": st.one_of(st.sampled_from(["and", "or", "AND", "xor"]), nasty),
        "offset": st.one_of(st.integers(-5, 500).map(str), huge_int, nasty),
        "limit": st.one_of(st.integers(-5, 500).map(str), huge_int, nasty),
        "order": st.one_of(
            st.sampled_from(
                [
                    "title",
                    "-title",
                    "id",
                    "-id",
                    "random",
                    "slug",
                    "ref",
                    "-ref",
                    "first_published_at",
                    "title,-id",
                    "random,title",
                    "body",
                    "-",
                    "--title",
                    "live",
                    "path",
                    "depth",
                    "latest_revision_created_at",
                ]
            ),
            nasty,
        ),
        "type": st.one_of(
            st.sampled_from(
                [
                    "methods.MethodPage",
                    "wagtailcore.Page",
                    "legal.LegalPage",
                    "methods.MethodPage,legal.LegalPage",
                    "downloads.TemplatePage",
                    "courses.CoursePage",
                    "strategy.NewsPage",
                    "core.HomePage",
                    "auth.User",
                    "x.y",
                    "methods",
                    ".",
                    ",",
                    "methods.methodpage",
                ]
            ),
            nasty,
        ),
        "fields": st.one_of(
            st.sampled_from(
                [
                    "*",
                    "_",
                    "title",
                    "-title",
                    "ref,taxonomy",
                    "body",
                    "steps",
                    "parent",
                    "parent(title)",
                    "title(x)",
                    "*,-title",
                    "-*",
                    "_,id",
                    "(",
                    ")",
                    "parent(*)",
                    "parent(parent(parent(*)))",
                    "sources",
                    "related_links",
                    "nonexistent",
                    "-id",
                    "a,,b",
                    "live",
                    "path",
                    "owner",
                    "owner(*)",
                    "latest_revision",
                    "locked_by",
                ]
            ),
            nasty,
        ),
        "child_of": page_ref,
        "ancestor_of": page_ref,
        "descendant_of": page_ref,
        "translation_of": page_ref,
        "locale": st.one_of(st.sampled_from(["da", "en", "de", "DA"]), nasty),
        "site": st.one_of(
            st.sampled_from(
                [
                    "localhost",
                    "testserver",
                    "localhost:80",
                    "localhost:8000",
                    "x",
                    ":",
                    "localhost:x",
                    "localhost:99999999999999999999",
                    "*",
                ]
            ),
            nasty,
        ),
        "format": st.one_of(st.sampled_from(["json", "api", "html", "xml", "yaml"]), nasty),
        "_": hostile(),
        # field filters: the page fields, and the library's own on a single type
        "id": st.one_of(some_id, huge_int, nasty),
        "title": hostile(),
        "slug": hostile(),
        "show_in_menus": st.one_of(st.sampled_from(["true", "false", "1", "0", "yes"]), nasty),
        "seo_title": hostile(),
        "search_description": hostile(),
        "first_published_at": st.one_of(
            st.sampled_from(["2024-01-01", "2024-01-01T00:00:00Z", "0000-00-00", "9999-99-99"]),
            nasty,
        ),
        "alias_of": st.one_of(some_id, huge_int, nasty),
        "ref": st.one_of(st.sampled_from(["M08", "SEL-99", "S4.1"]), nasty),
        "summary": hostile(),
        "described_year": st.one_of(huge_int, nasty),
        "historical": st.one_of(st.sampled_from(["true", "false"]), nasty),
        "last_reviewed": st.one_of(st.sampled_from(["2024-01-01", "2024-13-45"]), nasty),
        "review_due": st.one_of(st.sampled_from(["2024-01-01", "x"]), nasty),
        "has_children": st.one_of(st.sampled_from(["true", "false"]), nasty),
        "html_path": st.one_of(st.sampled_from(page_urls()), hostile()),
        # the fields of the page types, which filter a listing of one type
        **dict.fromkeys(
            TYPED_FIELDS,
            st.one_of(st.sampled_from(["x", "[]", "{}", "1", "true", "2024-01-01"]), hostile()),
        ),
    }


TYPED_FIELDS = ["body", "intro", "steps", "sources", "purpose", "target_group", "date",
                "day_count", "total_minutes", "feed_image", "external_url", "tags", "cited_year",
                "current_law_checked", "paragraph", "period", "related_links", "form",
                "sessions", "learning_goals", "also_refs", "template_type", "locale_id",
                "latest_revision", "owner", "content_type", "path", "depth", "live", "url_path",
                "draft_title", "expired", "locked", "translation_key"]  # fmt: skip


@cache
def page_types():
    from search.documents import page_type

    return sorted(page_type(m) for m in get_page_models() if not m._meta.abstract)


API_EXAMPLES = [
    [("search", '"')], [("search", "\x00")], [("search", "\u3000")],
    [("search", '"\u3000"')], [("search", "'")], [("search", "(")], [("search", "*")],
    [("search", "a OR")], [("search", "NEAR")], [("search", "a" * 4000)],
    [("offset", "9223372036854775808")], [("offset", "9223372036854775807")],
    [("offset", "-1")], [("limit", "9223372036854775808")], [("limit", "-1")],
    [("site", "x")], [("site", "localhost:x")], [("site", "localhost:99999999999999999999")],
    [("child_of", "9223372036854775808")], [("descendant_of", "9223372036854775808")],
    [("ancestor_of", "9223372036854775808")], [("translation_of", "9223372036854775808")],
    [("id", "9223372036854775808")], [("alias_of", "9223372036854775808")],
    [("first_published_at", "x")], [("type", "methods.MethodPage"), ("last_reviewed", "x")],
    [("type", "methods.MethodPage"), ("described_year", "9223372036854775808")],
    [("order", "random"), ("offset", "1")], [("search", "a"), ("order", "title")],
    [("search", "a"), ("search_operator", "xor")], [("fields", "parent(*)")],
    [("format", "api")], [("locale", "\x00")], [("slug", "\x00")], [("html_path", "/")],
    [("type", "methods.MethodPage"), ("steps", "x")],
    [("type", "strategy.NewsPage"), ("date", "x")],
    [("type", "downloads.TemplatePage"), ("form", "[")],
    [("type", "courses.CoursePage"), ("sessions", "x")],
    [("type", "methods.MethodPage"), ("sources", "\x00")],
    [("type", "legal.LegalPage"), ("current_law_checked", "x")], [("tags", "a,b"), ("search", "a")],
]  # fmt: skip


def test_page_api_listing(fuzz):
    before = table_counts()
    values = api_values()

    one_type = st.builds(
        lambda t, rest: [("type", t), *rest],
        st.sampled_from(page_types()),
        pairs(values, max_size=4),
    )

    @settings(FUZZ, max_examples=220)
    @given(params=st.one_of(pairs(values, max_size=6), one_type), headers=headers)
    def run(params, headers):
        fuzz.get("/api/v2/pages/", params, headers=headers)

    for params in API_EXAMPLES:
        run = example(params=params, headers={})(run)
    run()
    if changed(before, table_counts()):
        fuzz.violation(f"the page API stored rows: {changed(before, table_counts())}")
    fuzz.assert_clean()


def test_page_api_detail_and_find(fuzz):
    before = table_counts()
    values = api_values()
    ids = page_ids()
    detail = st.one_of(st.sampled_from(ids).map(str), huge_int.filter(str.isdigit))
    find_values = {
        "html_path": values["html_path"],
        "id": values["id"],
        "fields": values["fields"],
        "format": values["format"],
    }

    @settings(FUZZ, max_examples=150)
    @given(
        case=st.one_of(
            st.tuples(
                detail.map(lambda pk: f"/api/v2/pages/{pk}/"),
                pairs({"fields": values["fields"], "format": values["format"]}, max_size=4),
            ),
            st.tuples(st.just("/api/v2/pages/find/"), pairs(find_values, max_size=4)),
        )
    )
    @example(case=("/api/v2/pages/9223372036854775808/", []))
    @example(case=("/api/v2/pages/99999999999999999999/", []))
    @example(case=("/api/v2/pages/find/", [("id", "x")]))
    @example(case=("/api/v2/pages/find/", [("id", "9223372036854775808")]))
    @example(case=("/api/v2/pages/find/", [("html_path", "\x00")]))
    @example(case=("/api/v2/pages/find/", [("html_path", "/" + "a/" * 2000)]))
    @example(case=("/api/v2/pages/find/", [("html_path", "/metoder/"), ("fields", "(")]))
    def run(case):
        path, params = case
        fuzz.get(path, params)

    run()
    if changed(before, table_counts()):
        fuzz.violation(f"the page API stored rows: {changed(before, table_counts())}")
    fuzz.assert_clean()


def test_pages_ignore_unknown_parameters_and_headers(fuzz):
    """Every public page with random parameters and headers (the page cache, the language
    negotiation and the page view read them)."""
    before = table_counts()

    @settings(FUZZ, max_examples=120)
    @given(
        url=st.sampled_from(page_urls()), params=st.one_of(pairs({}), raw_query), headers=headers
    )
    @example(url="/", params=[("page", "9223372036854775808")], headers={})
    @example(url="/", params=[], headers={"Host": "localhost:99999999999999999999"})
    @example(url="/", params=[], headers={"Accept-Language": "x" * 600})
    def run(url, params, headers):
        fuzz.get(url, params, headers=headers)

    run()
    if changed(before, table_counts()):
        fuzz.violation(f"viewing pages stored rows: {changed(before, table_counts())}")
    fuzz.assert_clean()
