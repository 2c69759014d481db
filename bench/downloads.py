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

import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The project instead of bench/ first: bench/http.py would hide the standard library's `http`.
sys.path.pop(0)
sys.path.insert(0, str(ROOT))

from bench.library_db import arguments, open_database  # noqa: E402


def main():
    args = arguments(__doc__.splitlines()[0]).parse_args()
    open_database(args)

    from downloads.models import TemplatePage
    from downloads.writers import FORMATS, write

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
