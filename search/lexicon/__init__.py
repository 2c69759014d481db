"""The compound-splitting lexicons, one stem per line (built by `manage.py build_lexicon`)."""

from functools import cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent


@cache
def lexicon(language: str = "da") -> frozenset[str]:
    path = LEXICON_DIR / f"{language}.txt"
    if not path.exists():
        return frozenset()
    return frozenset(path.read_text(encoding="utf-8").split())
