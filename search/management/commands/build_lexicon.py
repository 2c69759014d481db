"""Write the compound-splitting lexicon (search/lexicon/<language>.txt) from the content files.

The lexicon is the set of word stems the library uses on their own; a compound is split only into
parts that are all in it ("misbrugsbehandling" → misbrug + behandling). It is a committed file, so
splitting is the same on every machine and backend; run this after large content changes and then
`manage.py rebuild_search_documents`.
"""

from collections import Counter

from django.core.management.base import BaseCommand

import yaml

from core.content import CONTENT_DIR
from search.analysis import STOPWORDS, stem, words
from search.lexicon import LEXICON_DIR

MIN_COUNT = 2  # a stem must be used on its own at least this often
MIN_LENGTH = 3
# Endings that are stems of some word but would split derivations ("behandl-ing").
SUFFIXES = {"ing", "ning", "hed", "else", "skab", "lig", "isk", "end", "ende", "tion", "ere", "ern"}


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


class Command(BaseCommand):
    help = "Build the compound-splitting lexicon from content/ (search/lexicon/*.txt)."

    def handle(self, *args, **options):
        counts = {"da": Counter(), "en": Counter()}
        files = [*CONTENT_DIR.rglob("*.yaml")]
        for path in files:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            items = data if isinstance(data, list) else [data]
            for item in items:
                if not isinstance(item, dict):
                    continue
                for language, counter in counts.items():
                    texts = _strings(item.get(language, {}))
                    if path.name == "synonyms.yaml" and item.get("language", "da") == language:
                        texts = _strings(item.get("terms", []))
                    for text in texts:
                        for word in words(text):
                            for part in word.split("-"):
                                if len(part) > MIN_LENGTH and part not in STOPWORDS[language]:
                                    counter[stem(part, language)] += 1
        LEXICON_DIR.mkdir(exist_ok=True)
        for language, counter in counts.items():
            lexicon = sorted(
                s
                for s, n in counter.items()
                if n >= MIN_COUNT and len(s) >= MIN_LENGTH and not s.isdigit() and s not in SUFFIXES
            )
            path = LEXICON_DIR / f"{language}.txt"
            path.write_text("\n".join(lexicon) + "\n", encoding="utf-8")
            self.stdout.write(f"{path.relative_to(CONTENT_DIR.parent)}: {len(lexicon)} stems")
