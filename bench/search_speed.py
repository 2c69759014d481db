"""Server time of /api/search/ with two facets selected, on synthetic Danish libraries.

For each size (default 1k, 10k and 100k pages) the script makes a fresh database, migrates it,
loads the real vocabularies and synonyms, and inserts a synthetic library: Danish pages whose
titles, summaries and bodies are drawn from the real library's words (Zipf-like), with facet
values drawn from the real vocabularies. Pages go in as page rows with their search documents
and Wagtail search index entries, in bulk: the search API reads nothing else, and publishing
100,000 pages one by one through Wagtail would take hours.

Each query of a fixed set runs through Django's test client (the whole view: parsing,
analysis, the backend's full-text search, ranking, facet counts, snippets and the search log),
once to warm up and then `--repeat` times with the concept cache cleared before each request
(every concept's full-text match runs) and `--repeat` times with it (popular words already
matched); the script reports p50 and p95 server time of both.

    .venv/bin/python bench/search_speed.py --database sqlite
    .venv/bin/python bench/search_speed.py --database postgres   # 127.0.0.1:5432, user postgres
    .venv/bin/python bench/search_speed.py --sizes 1000 10000 --repeat 5
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The project instead of bench/ first: bench/http.py would hide the standard library's `http`.
sys.path.pop(0)
sys.path.insert(0, str(ROOT))

from bench import pgdb  # noqa: E402

QUERIES = [
    "netværksmøder",
    "kontakt til isolerede borgere",
    "skp paragraf 99",
    "misbrugsbehandling",
    "ki plan",
    "opsøgende arbejde",
    "udskrivning fra psykiatrien",
    "samarbejde mellem kommune og region",
    "tovholder",
    "sindsslidende",
]
FACETS = {"type": "methods.MethodPage", "phase": "kontakt"}
PAGE_TYPES = [
    ("methods.MethodPage", 40),
    ("legal.LegalPage", 20),
    ("guidelines.GuidelinePage", 10),
    ("downloads.TemplatePage", 10),
    ("methods.TechniquePage", 10),
    ("projects.ProjectPage", 10),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument(
        "--reuse", action="store_true", help="keep a database of the right size from a run before"
    )
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return measure(args.child, args.repeat)
    print(f"/api/search/ with {FACETS}, {len(QUERIES)} queries × {args.repeat}, {args.database}")
    print("| pages | build | p50 / p95, concepts uncached | p50 / p95, cached | results (median) |")
    print("|---|---|---|---|---|")
    for size in args.sizes:
        if args.database == "sqlite":
            path = Path(tempfile.gettempdir()) / f"search_speed_{size}.sqlite3"
            if not args.reuse:
                path.unlink(missing_ok=True)
            url = f"sqlite:///{path}"
        else:
            url = f"postgres://postgres@127.0.0.1:5432/search_speed_{size}"
            if not args.reuse or not pgdb.exists(url):
                pgdb.recreate(url)
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "ENV_FILE": "/dev/null",
        }
        # A process per size: a fresh database connection and fresh per-process caches.
        subprocess.run(
            [sys.executable, __file__, "--child", str(size), "--repeat", str(args.repeat)],
            env=env,
            check=True,
            cwd=ROOT,
        )


def measure(size, repeat):
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from search.models import SearchDocument

    call_command("migrate", interactive=False, verbosity=0)
    started = time.perf_counter()
    if SearchDocument.objects.count() != size:
        build(size)
    build_seconds = time.perf_counter() - started

    from search.service import concept_cache

    client = Client()
    cold, warm, counts = [], [], []
    for query in QUERIES:
        params = {"q": query, "lang": "da", **FACETS}
        client.get("/api/search/", params)  # warm-up: statements, the per-process facet map
        for timings, clear in ((cold, True), (warm, False)):
            for _ in range(repeat):
                if clear:
                    concept_cache.clear()  # every concept's full-text match runs again
                begin = time.perf_counter()
                response = client.get("/api/search/", params)
                timings.append((time.perf_counter() - begin) * 1000)
                assert response.status_code == 200, response.content
                counts.append(response.json()["count"])
    print(
        f"| {size:,} | {build_seconds:.0f} s | {_p(cold, 50):.1f} / {_p(cold, 95):.1f} ms | "
        f"{_p(warm, 50):.1f} / {_p(warm, 95):.1f} ms | {statistics.median(counts):.0f} |",
        flush=True,
    )


def _p(timings, percent):
    ordered = sorted(timings)
    return ordered[max(0, round(len(ordered) * percent / 100) - 1)]


def build(size, seed=20261129):
    """Insert `size` synthetic Danish pages with their search documents, facets and index."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction

    from wagtail.models import Locale, Page
    from wagtail.search.backends import get_search_backend

    from core.content import CONTENT_DIR, update_planner_statistics
    from search.analysis import document_terms, words
    from search.content import load_synonyms
    from search.lexicon import lexicon
    from search.models import SearchDocument, SearchFacet
    from taxonomy.content import load_vocabularies
    from taxonomy.models import VOCABULARIES

    rng = random.Random(seed)
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    with transaction.atomic():
        load_vocabularies(CONTENT_DIR, locales)
        load_synonyms(CONTENT_DIR, locales)
    vocabulary_words = _library_words(CONTENT_DIR, words)
    weights = [1 / (rank + 10) for rank in range(len(vocabulary_words))]  # Zipf-like
    codes = {
        name: list(model.objects.filter(locale=locales["da"]).values_list("code", flat=True))
        for name, model in VOCABULARIES.items()
    }
    root = Page.objects.get(depth=1)
    parent = root.add_child(instance=Page(title="Syntetisk bibliotek", slug="syntetisk"))
    content_type = ContentType.objects.get_for_model(Page)
    lexicon_da = lexicon("da")
    backend = get_search_backend()
    chunk = 2000
    for start in range(0, size, chunk):
        pages, documents, facets = [], [], []
        for number in range(start, min(size, start + chunk)):
            title = " ".join(rng.choices(vocabulary_words, weights, k=rng.randint(2, 5)))
            summary = " ".join(rng.choices(vocabulary_words, weights, k=rng.randint(15, 35)))
            body = " ".join(rng.choices(vocabulary_words, weights, k=rng.randint(150, 400)))
            pages.append(
                Page(
                    title=title.capitalize()[:255],
                    draft_title=title[:255],
                    slug=f"side-{number}",
                    path=parent.path + _base36(number + 1).rjust(4, "0"),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}side-{number}/",
                    live=True,
                    content_type=content_type,
                    locale=locales["da"],
                )
            )
            page_type = rng.choices(*zip(*PAGE_TYPES, strict=True))[0]
            documents.append(
                {
                    "live": True,
                    "locale_id": locales["da"].pk,
                    "page_type": page_type,
                    "ref": f"X{number}",
                    "title": title.capitalize()[:255],
                    "summary": summary,
                    "text": body,
                    "title_terms": " ".join(document_terms(title, lexicon_da)),
                    "summary_terms": " ".join(document_terms(summary, lexicon_da)),
                    "body_terms": " ".join(document_terms(body, lexicon_da)),
                }
            )
            values = [("type", page_type), ("category", rng.choice(codes["category"]))]
            for name, most in (("target_group", 3), ("phase", 2), ("sector", 2), ("role", 3)):
                for code in rng.sample(codes[name], rng.randint(1, most)):
                    values.append((name, code))
            facets.append(values)
        with transaction.atomic():
            created = Page.objects.bulk_create(pages)
            rows = [
                SearchDocument(page_id=page.pk, **fields)
                for page, fields in zip(created, documents, strict=True)
            ]
            SearchDocument.objects.bulk_create(rows)
            SearchFacet.objects.bulk_create(
                SearchFacet(document_id=page.pk, facet=f, value=v)
                for page, values in zip(created, facets, strict=True)
                for f, v in dict.fromkeys(values)
            )
        backend.add_bulk(
            SearchDocument, list(SearchDocument.objects.filter(pk__in=[p.pk for p in created]))
        )
    Page.objects.filter(pk=parent.pk).update(numchild=size)
    update_planner_statistics()  # as load_content does after an import


def _library_words(content_dir, words):
    """The real library's Danish words, most frequent first."""
    import collections

    import yaml

    counter = collections.Counter()
    for path in content_dir.rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("da"), dict):
            for value in data["da"].values():
                if isinstance(value, str):
                    counter.update(w for w in words(value) if len(w) > 1 and not w.isdigit())
    return [w for w, _ in counter.most_common()]


def _base36(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out or "0"


if __name__ == "__main__":
    main()
