"""Generation time and memory of the template files: DOCX, ODT and PDF, blank, uncached.

For the reporting form (S4.2) and the quarterly journal (S4.1): one warm-up generation (imports,
fonts), then N generations timed with perf_counter (p50, p95), and the memory a generation adds:
the peak of Python allocations during one generation (tracemalloc) and the growth of the
process's peak resident memory over the whole run (ru_maxrss), which also counts WeasyPrint's
C libraries.

Runs against the database DATABASE_URL points at (default var/db.sqlite3, as `make run` sets it
up); `--setup` migrates and imports the content into it first.

    .venv/bin/python bench/downloads.py [-n 30] [--setup DATABASE_URL=sqlite:////tmp/dl.sqlite3]
"""

import argparse
import os
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url", nargs="?", help="DATABASE_URL=… (default: settings)")
    parser.add_argument("-n", type=int, default=30)
    parser.add_argument("--setup", action="store_true")
    args = parser.parse_args()
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url.removeprefix("DATABASE_URL=")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    from downloads.models import TemplatePage
    from downloads.writers import FORMATS, write

    if args.setup:
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_content", verbosity=0)

    print(f"{args.n} generations each, uncached, in-process")
    print("| template | questions | format | p50 | p95 | size | Python peak | RSS growth |")
    print("|---|---|---|---|---|---|---|---|")
    for ref in ("S4.2", "S4.1"):
        page = TemplatePage.objects.live().get(ref=ref, locale__language_code="da")
        document = page.document(None)
        questions = len(document.definition.questions())
        for file_format in FORMATS:
            rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            content = write(document, file_format)  # warm-up
            tracemalloc.start()
            write(document, file_format)
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            timings = []
            for _ in range(args.n):
                started = time.perf_counter()
                write(document, file_format)
                timings.append((time.perf_counter() - started) * 1000)
            rss_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
            timings.sort()
            p95 = timings[max(0, round(len(timings) * 0.95) - 1)]
            print(
                f"| {ref} | {questions} | {file_format} | {statistics.median(timings):.0f} ms | "
                f"{p95:.0f} ms | {len(content) / 1024:.0f} kB | {peak / 2**20:.1f} MB | "
                f"{rss_growth / 1024:.1f} MB |",
                flush=True,
            )


if __name__ == "__main__":
    main()
