"""SQL queries and server time for rendering library pages uncached, in-process.

Runs against the database the settings point at (by default var/db.sqlite3, as `make run` set it
up), with production settings and no page cache. For each page: one warm-up render, then N renders
timed with perf_counter; reports the query count and p50/p95 server time.

    DJANGO_SETTINGS_MODULE=config.settings.production .venv/bin/python bench/render_bench.py [-n 50]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

# The project instead of bench/ first: bench/http.py would hide the standard library's `http`.
sys.path.pop(0)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
os.environ["PAGE_CACHE"] = "false"  # measure rendering, not the page cache (issue 8)

import django

django.setup()

from django.core.signals import request_finished, request_started  # noqa: E402
from django.db import close_old_connections, connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from wagtail.models import Page  # noqa: E402

PAGES = [
    ("M08", "da"),
    ("M08", "en"),
    ("M37", "da"),
    ("SEL-99", "da"),
    ("SITE-METODER", "da"),
    ("HOME", "da"),
]


def url_for(ref, language):
    for page in Page.objects.live().filter(locale__language_code=language).specific():
        if getattr(page, "ref", None) == ref:
            return page.url
    raise LookupError(ref)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=50, help="timed renders per page")
    args = parser.parse_args()
    # Keep one connection across requests, as a worker with CONN_MAX_AGE does.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{'page':<22}{'queries':>8}{'p50 ms':>9}{'p95 ms':>9}")
    for ref, language in PAGES:
        url = url_for(ref, language)
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        query_count = len(queries)  # read now: the next request resets the query log
        times = []
        for _ in range(args.n):
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        label = f"{ref} ({language})"
        print(f"{label:<22}{query_count:>8}{statistics.median(times):>9.1f}{p95:>9.1f}")


if __name__ == "__main__":
    main()
