"""Pages per type and language, and refs covered against the inventory (domain.md).

DJANGO_SETTINGS_MODULE=config.settings.production .venv/bin/python bench/content_report.py
"""

import os
import sys
from collections import Counter
from pathlib import Path

# The project instead of bench/ first: bench/http.py would hide the standard library's `http`.
sys.path.pop(0)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

import django

django.setup()

from wagtail.models import Page  # noqa: E402

from core.models import BasePage  # noqa: E402
from tests.content.test_inventory import EXPECTED  # noqa: E402 - the inventory's list of refs


def main():
    counts = Counter()
    refs = {"da": set(), "en": set()}
    for page in Page.objects.live().filter(depth__gt=1).specific():
        language = page.locale.language_code
        counts[(f"{page._meta.app_label}.{type(page).__name__}", language)] += 1
        if isinstance(page, BasePage):
            refs[language].add(page.ref)
    print(f"{'page type':<32}{'da':>5}{'en':>5}")
    for page_type in sorted({t for t, _ in counts}):
        print(f"{page_type:<32}{counts[(page_type, 'da')]:>5}{counts[(page_type, 'en')]:>5}")
    expected = {ref for group in EXPECTED.values() for ref in group}
    for language in ("da", "en"):
        covered = expected & refs[language]
        missing = sorted(expected - refs[language])
        print(
            f"inventory refs covered ({language}): {len(covered)}/{len(expected)}"
            + (f"; missing: {', '.join(missing)}" if missing else "")
        )


if __name__ == "__main__":
    main()
