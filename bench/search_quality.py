"""Search quality on the judged query sets, and the server time of /api/search/ on the real library.

Two judged sets: bench/search_queries.yaml (names, keywords, paragraphs: the searcher knows what
the page is called) and bench/search_situations.yaml (situations in a practitioner's or relative's
own words, with and without æøå, with typos; written blind, from the sources, before tuning).

For each query, the search service (the same one /api/search/ and /soeg/ use) runs in the query's
language; the ranked refs are scored against the judged `relevant` refs (graded: the first is the
most relevant). Reports MRR (reciprocal rank of the first relevant result), top-1 (the must-first
page ranked first), nDCG@10 (graded gains len(relevant)−i), recall@10 and the share of queries
with no result, overall and per kind; lists the queries whose first result is wrong.

`--timing` also sends every judged query through Django's test client to /api/search/ (the whole
view: parsing, analysis, full-text matching, ranking, facets, snippets, the search log), once with
the per-process concept cache emptied before each request and once with it warm, `--repeat`
times, and reports p50 and p95 server time.

Runs against the database DATABASE_URL points at (default var/db.sqlite3). `--setup` migrates
and imports the content first (a fresh database), so the two backends are measured alike:

    .venv/bin/python bench/search_quality.py --setup DATABASE_URL=sqlite:////tmp/quality.sqlite3
    .venv/bin/python bench/search_quality.py --setup \
        DATABASE_URL=postgres://postgres@127.0.0.1:5432/quality
"""

import argparse
import math
import os
import statistics
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The names-and-keywords set as judged before the situation guides existed, the same set with the
# guides judged blind as new documents in the pool, and the situations set.
JUDGED_SETS = ["search_queries.yaml", "search_queries_pooled.yaml", "search_situations.yaml"]
# The project instead of bench/ first: bench/http.py would hide the standard library's `http`.
sys.path.pop(0)
sys.path.insert(0, str(ROOT))

from bench import pgdb  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url", nargs="?", help="DATABASE_URL=… (default: settings)")
    parser.add_argument("--setup", action="store_true", help="migrate and import content first")
    parser.add_argument(
        "--queries",
        nargs="+",
        default=[str(ROOT / "bench" / name) for name in JUDGED_SETS],
        help="judged sets (default: all three)",
    )
    parser.add_argument("--timing", action="store_true", help="p50/p95 of /api/search/")
    parser.add_argument("--repeat", type=int, default=3, help="requests per query with --timing")
    parser.add_argument("--verbose", "-v", action="store_true", help="show every query")
    args = parser.parse_args()
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url.removeprefix("DATABASE_URL=")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.http import QueryDict

    import yaml

    from search import service

    if args.setup:
        if connection.vendor == "postgresql":
            from django.conf import settings

            pgdb.recreate(settings.DATABASE_URL)
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_content", verbosity=0)

    for path in args.queries:
        judged = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        rows = [_run(service, QueryDict, item) for item in judged]
        print(f"\n{Path(path).name}: database {connection.vendor}, {len(rows)} judged queries")
        _report("all", rows)
        top3 = statistics.fmean(
            1.0 if r["first_relevant"] and r["first_relevant"] <= 3 else 0.0 for r in rows
        )
        right3 = statistics.fmean(
            1.0 if r["rank_first"] and r["rank_first"] <= 3 else 0.0 for r in rows
        )
        print(
            f"  {'':<13} the must-first page in the top three: {right3:.1%}; "
            f"any relevant page there: {top3:.1%}"
        )
        by_kind = defaultdict(list)
        for row in rows:
            by_kind[row["kind"]].append(row)
        for kind in sorted(by_kind):
            _report(kind, by_kind[kind])
        misses = [r for r in rows if r["rank_first"] != 1]
        print(f"  Queries whose must-first page is not first ({len(misses)}):")
        for row in sorted(misses, key=lambda r: r["kind"]):
            print(
                f"    [{row['kind']}] {row['query']!r}: wanted {row['relevant'][0]} "
                f"at {row['rank_first'] or '—'}, got {', '.join(row['ranked'][:3]) or 'nothing'}"
            )
        if args.verbose:
            for row in rows:
                print(f"    {row['query']!r} → {row['ranked'][:5]}")
        if args.timing:
            _timing(judged, args.repeat)


def _run(service, QueryDict, item):
    params = QueryDict(mutable=True)
    params["q"] = item["query"]
    request = service.parse(params, item.get("language", "da"))
    response = service.search(request)
    ranked = [r.ref for r in response.results]
    # Further pages, so recall and reciprocal rank are not cut at the first ten.
    while len(ranked) < min(response.count, 30):
        request.page += 1
        ranked += [r.ref for r in service.search(request).results]
    return _score(item, ranked, response.count)


def _timing(judged, repeat):
    """Server time of /api/search/ for each judged query: concept cache emptied, then warm."""
    import time

    from django.test import Client, override_settings

    from search.service import concept_cache

    client = Client(HTTP_HOST="localhost")
    cold, warm = [], []
    with override_settings(SEARCH_RATE_LIMIT="100000/m"):
        for item in judged:
            params = {"q": item["query"], "lang": item.get("language", "da")}
            client.get("/api/search/", params)  # warm-up: statements, per-process maps
            for timings, clear in ((cold, True), (warm, False)):
                for _ in range(repeat):
                    if clear:
                        concept_cache.clear()
                    begin = time.perf_counter()
                    response = client.get("/api/search/", params)
                    timings.append((time.perf_counter() - begin) * 1000)
                    assert response.status_code == 200, response.content[:200]
    print(
        f"  /api/search/ server time, {len(judged)} queries × {repeat}: "
        f"concepts uncached p50 {_p(cold, 50):.1f} ms, p95 {_p(cold, 95):.1f} ms; "
        f"cached p50 {_p(warm, 50):.1f} ms, p95 {_p(warm, 95):.1f} ms"
    )


def _p(timings, percent):
    ordered = sorted(timings)
    return ordered[max(0, round(len(ordered) * percent / 100) - 1)]


def _score(item, ranked, count):
    relevant = item["relevant"]
    grades = {ref: len(relevant) - i for i, ref in enumerate(relevant)}
    first_relevant = next((i + 1 for i, ref in enumerate(ranked) if ref in grades), None)
    rank_first = ranked.index(relevant[0]) + 1 if relevant[0] in ranked else None
    dcg = sum(grades.get(ref, 0) / math.log2(i + 2) for i, ref in enumerate(ranked[:10]))
    ideal = sum(g / math.log2(i + 2) for i, g in enumerate(sorted(grades.values(), reverse=True)))
    return {
        "query": item["query"],
        "kind": item.get("kind", "?"),
        "relevant": relevant,
        "ranked": ranked,
        "rank_first": rank_first,
        "first_relevant": first_relevant,
        "rr": 1 / first_relevant if first_relevant else 0.0,
        "top1": 1.0 if rank_first == 1 else 0.0,
        "ndcg": dcg / ideal if ideal else 0.0,
        "recall": len(set(ranked[:10]) & set(relevant)) / len(relevant),
        "empty": 1.0 if count == 0 else 0.0,
    }


def _report(label, rows):
    def mean(key):
        return statistics.fmean(r[key] for r in rows)

    print(
        f"  {label:<13} n={len(rows):<4} MRR {mean('rr'):.3f}  top-1 {mean('top1'):.3f}  "
        f"nDCG@10 {mean('ndcg'):.3f}  recall@10 {mean('recall'):.3f}  "
        f"no result {mean('empty'):.1%}"
    )


if __name__ == "__main__":
    main()
