"""Hostile GET parameters to the course catalogue, downloads, feeds and exports, /healthz and
random paths."""

from urllib.parse import quote

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from taxonomy.models import Audience, Category
from tests.fuzz.harness import FUZZ, changed, query_string, table_counts
from tests.fuzz.values import (
    any_text,
    facet_values,
    hostile,
    huge_int,
    live,
    nasty,
    page_urls,
    pairs,
    raw_query,
)

pytestmark = pytest.mark.django_db


def test_course_catalogue_filters(fuzz):
    before = table_counts()
    catalogues = [p.url for p in live("courses.CourseIndexPage")]
    topics = sorted(Category.objects.values_list("code", flat=True).distinct())
    audiences = sorted(Audience.objects.values_list("code", flat=True).distinct())
    durations = ["half-day", "day", "days", "x"]

    @settings(FUZZ, max_examples=80)
    @given(
        url=st.sampled_from(catalogues),
        params=pairs(
            {
                "topic": facet_values(topics),
                "audience": facet_values(audiences),
                "duration": facet_values(durations),
            }
        ),
    )
    @example(url=catalogues[0], params=[("topic", "\x00")])
    @example(url=catalogues[0], params=[("duration", "'" * 3000)])
    def run(url, params):
        fuzz.get(url, params)

    run()
    if changed(before, table_counts()):
        fuzz.violation(f"the catalogue stored rows: {changed(before, table_counts())}")
    fuzz.assert_clean()


def _routable_urls():
    """The sub-pages of every page that has routes: downloads, fill forms, feeds, exports."""
    urls = []
    for page in live("downloads.TemplatePage"):
        urls += [f"{page.url}download/docx/", f"{page.url}download/odt/", f"{page.url}udfyld/"]
    for page in live("courses.CoursePage"):
        urls += [f"{page.url}download/docx/", f"{page.url}download/odt/"]
    for page in live("strategy.InformationStrategyPage"):
        urls += [f"{page.url}plan/ics/", f"{page.url}plan/csv/"]
    for page in live("strategy.NewsIndexPage"):
        urls += [f"{page.url}rss/", f"{page.url}atom/"]
    return urls


def _routable_bases():
    models = [
        "downloads.TemplatePage",
        "courses.CoursePage",
        "strategy.InformationStrategyPage",
        "strategy.NewsIndexPage",
    ]
    return [p.url for model in models for p in live(model)]


def test_downloads_feeds_and_exports(fuzz):
    """Template downloads, course handouts (with `variant`), the iCalendar and CSV exports of the
    activity plan and the news feeds, with random parameters, formats and sub-paths."""
    before = table_counts()
    urls = _routable_urls()
    bases = _routable_bases()
    segment = st.one_of(any_text, nasty, huge_int).map(lambda s: quote(s, safe=""))
    variant = st.one_of(st.sampled_from(["handout", "guide", "HANDOUT", ""]), hostile())

    @settings(FUZZ, max_examples=150)
    @given(
        case=st.one_of(
            st.tuples(st.sampled_from(urls), pairs({"variant": variant, "format": hostile()})),
            st.tuples(
                st.builds(
                    lambda base, route, s: f"{base}{route}{s}/",
                    st.sampled_from(bases),
                    st.sampled_from(["download/", "plan/", "", "udfyld/", "rss/"]),
                    segment,
                ),
                pairs({"variant": variant}),
            ),
        )
    )
    def run(case):
        url, params = case
        fuzz.get(url, params)

    courses = live("courses.CoursePage")
    templates = live("downloads.TemplatePage")
    if courses:
        course = courses[0].url
        for params in ([("variant", "guide")], [("variant", "\x00")], [("variant", "x" * 4000)]):
            run = example(case=(f"{course}download/pdf/", params))(run)
    if templates:
        run = example(case=(f"{templates[0].url}download/pdf/", []))(run)
        run = example(case=(f"{templates[0].url}download/%00/", []))(run)
        run = example(case=(f"{templates[0].url}download/{'x' * 3000}/", []))(run)
    run()
    if changed(before, table_counts()):
        fuzz.violation(f"downloads stored rows: {changed(before, table_counts())}")
    fuzz.assert_clean()


def test_healthz_random_paths_and_methods(fuzz):
    """/healthz, random paths (with and without the language prefix) and every HTTP method on
    the public endpoints."""
    before = table_counts()
    segment = st.one_of(any_text, nasty, huge_int, st.sampled_from(["..", ".", "", "%2e%2e"]))
    prefixes = [
        "/",
        "/en/",
        "/soeg/",
        "/api/v2/pages/",
        "/api/v2/",
        "/api/search/",
        "/documents/",
        "/tilbagemelding/",
        "/static/",
        "/media/",
        "/healthz/",
        "/nyheder/",
        "/kurser/",
        "/en/news/",
        "/sitemap.xml/",
    ]
    random_path = st.builds(
        lambda prefix, parts, slash: (
            prefix
            + "/".join(
                quote(p, safe="") if i % 2 else quote(p, safe="/%") for i, p in enumerate(parts)
            )
            + ("/" if slash else "")
        ),
        st.sampled_from(prefixes + page_urls()[:40]),
        st.lists(segment, min_size=1, max_size=4),
        st.booleans(),
    )
    public = [
        "/healthz",
        "/soeg/",
        "/api/search/",
        "/api/search/autocomplete/",
        "/api/v2/pages/",
        "/",
        *page_urls()[:10],
    ]
    methods = st.sampled_from(
        ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE", "PROPFIND", "GET"]
    )

    @settings(FUZZ, max_examples=220)
    @given(
        case=st.one_of(
            st.tuples(st.just("GET"), st.just("/healthz"), st.one_of(pairs({}), raw_query)),
            st.tuples(st.just("GET"), random_path, st.one_of(pairs({}, max_size=2), raw_query)),
            st.tuples(methods, st.sampled_from(public), pairs({"q": hostile()}, max_size=2)),
        )
    )
    @example(case=("GET", "/healthz", [("x", "\x00")]))
    @example(case=("HEAD", "/healthz", []))
    @example(case=("POST", "/healthz", []))
    @example(case=("GET", "/" + "a" * 3000 + "/", []))
    @example(case=("GET", "/%00/", []))
    @example(case=("GET", "/en/%E3%80%80/", []))
    @example(case=("GET", "/static/%2e%2e/%2e%2e/etc/passwd", []))
    @example(case=("GET", "/documents/9223372036854775808/x.pdf", []))
    @example(case=("GET", "/tilbagemelding/9223372036854775808/", []))
    @example(case=("GET", "/tilbagemelding/9223372036854775808/tak/", []))
    def run(case):
        method, path, params = case
        fuzz.request(method, path + query_string(params))

    run()
    if changed(before, table_counts()):
        fuzz.violation(f"GET requests stored rows: {changed(before, table_counts())}")
    fuzz.assert_clean()
