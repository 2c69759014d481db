"""Generation time of a course's printed material: the handout and the trainer guide, uncached.

For the largest course (the most sessions and library pages): one warm-up generation (imports,
fonts), then N generations timed with perf_counter (p50, p95) of each variant and format, each
assembled from the course and the current library content as the download view does (the
programme, with its library pages, is read from the database every time), plus the peak of
Python allocations during one generation (tracemalloc).

Runs against the database DATABASE_URL points at (default var/db.sqlite3, as `make run` sets it
up); `--setup` migrates and imports the content into it first.

    .venv/bin/python bench/course_material.py [-n 30] [--setup DATABASE_URL=sqlite:////tmp/c.sqlite3]
"""

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

    from django.test import RequestFactory

    from courses.handouts import write_material
    from courses.library import course_program
    from courses.models import CoursePage

    request = RequestFactory().get("/", HTTP_HOST="localhost")
    courses = list(CoursePage.objects.live().filter(locale__language_code="da"))
    largest = max(courses, key=lambda c: (len(course_program(c).sessions), len(c.chosen_pages())))
    program = course_program(largest)
    print(
        f"Largest course: {largest.title} ({largest.ref}): {len(program.sessions)} sessions, "
        f"{len(largest.chosen_pages())} library pages, {largest.total_minutes} minutes"
    )
    print(f"{args.n} generations each, uncached, in-process")
    print("| variant | format | p50 | p95 | size | Python peak |")
    print("|---|---|---|---|---|---|")

    def generate(variant, file_format):
        course = CoursePage.objects.get(pk=largest.pk)
        return write_material(course, course_program(course), request, variant, file_format)

    for variant in ("handout", "guide"):
        for file_format in ("pdf", "docx", "odt"):
            content = generate(variant, file_format)  # warm-up
            tracemalloc.start()
            generate(variant, file_format)
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            timings = []
            for _ in range(args.n):
                started = time.perf_counter()
                generate(variant, file_format)
                timings.append((time.perf_counter() - started) * 1000)
            timings.sort()
            p95 = timings[max(0, round(len(timings) * 0.95) - 1)]
            print(
                f"| {variant} | {file_format} | {statistics.median(timings):.0f} ms | "
                f"{p95:.0f} ms | {len(content) / 1024:.0f} kB | {peak / 2**20:.1f} MB |",
                flush=True,
            )


if __name__ == "__main__":
    main()
