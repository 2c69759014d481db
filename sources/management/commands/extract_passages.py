"""Quote every passage the content cites, for the source documents' pages (sources/passages.json).

    manage.py extract_passages [--seeds ../shared/seeds] [--check]

Reads the citations in the running text of every content file and writes the cited lines of the
source documents, and only those: the pages show them as attributed quotations, never a whole
document. A passage of more than MAX_LINES lines is quoted abridged, its beginning and its end
with "[…]" between. (A page's list of sources names whole parts of a document; those link to the
part, not to a quotation.) Run it after adding citations; `--check` fails if the file is not up to
date (the tests run it).
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sources.citations import cited_in
from sources.models import PASSAGES

MAX_LINES, HEAD, TAIL = 30, 20, 5
ABRIDGED = "[…]"


def cited_in_content(content_dir: Path):
    """Every passage cited in the running text of the content files."""
    found = set()
    for path in sorted(content_dir.rglob("*.yaml")):
        found.update(cited_in(path.read_text(encoding="utf-8")))
    return found


def quote(seeds: Path, cited) -> dict:
    files = {path.name[:3]: path for path in seeds.glob("[0-9][0-9][0-9]_*.txt")}
    lines = {doc: path.read_text(encoding="utf-8").splitlines() for doc, path in files.items()}
    quoted: dict[str, dict[str, str]] = {}
    for passage in sorted(cited):
        text = lines.get(passage.doc)
        if text is None:
            raise CommandError(f"no source document {passage.doc} in {seeds}")
        if passage.end > len(text):
            raise CommandError(f"{passage.doc}:{passage.anchor} is beyond the document's end")
        cited_lines = text[passage.start - 1 : passage.end]
        if len(cited_lines) > MAX_LINES:
            cited_lines = [*cited_lines[:HEAD], ABRIDGED, *cited_lines[-TAIL:]]
        quoted.setdefault(passage.doc, {})[passage.anchor[1:]] = "\n".join(cited_lines).strip()
    return quoted


class Command(BaseCommand):
    help = "Quote the cited passages of the source documents (sources/passages.json)."

    def add_arguments(self, parser):
        seeds = Path(settings.BASE_DIR).parent / "shared" / "seeds"
        parser.add_argument("--seeds", default=str(seeds))
        parser.add_argument("--check", action="store_true", help="fail if the file is outdated")

    def handle(self, *args, seeds, check, **options):
        quoted = quote(Path(seeds), cited_in_content(Path(settings.BASE_DIR) / "content"))
        text = json.dumps(quoted, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        count = sum(len(v) for v in quoted.values())
        if check:
            if not PASSAGES.exists() or PASSAGES.read_text(encoding="utf-8") != text:
                raise CommandError(
                    "sources/passages.json is not up to date: run manage.py extract_passages"
                )
            self.stdout.write(f"{count} passages, up to date")
            return
        PASSAGES.write_text(text, encoding="utf-8")
        self.stdout.write(f"{count} passages written to {PASSAGES}")
