"""Danish text analysis for search, the same on every backend.

Wagtail's database backend does no Danish stemming on SQLite, and PostgreSQL's Danish
configuration does not split compounds, so the library analyses text itself: the index gets an
extra field of analysed terms (stems plus the parts of compounds), and a query is analysed the same
way before it reaches the backend. Pure functions, no Django: unit-tested in tests/search/.

- `normalize` makes text safe and comparable (NFKC, case, control characters, length).
- `terms` turns text into index terms: Snowball Danish stems, hyphenated words joined and split,
  and compounds split into known parts ("misbrugsbehandling" → misbrug + behandling).
- `legal_refs` finds paragraph references in any spelling ("§99", "paragraf 99", "SEL 99").
- `expand` adds synonyms and abbreviations (SKP ↔ støtte- og kontaktperson …).
- `suggest` proposes a correction for misspelt words ("Mente du …?").
"""

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping

import snowballstemmer

# Queries longer than this are cut (documented in docs/search.md): no practitioner types more,
# and it bounds the work a single request can cause.
MAX_QUERY_LENGTH = 200
MIN_PART_LENGTH = 3  # the shortest stem a compound part may have ("KI" parts come from hyphens)

_stemmer = snowballstemmer.stemmer("danish")
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)
_PARAGRAPH_WORDS = r"(?:§§?|paragraf(?:fen|ferne|fer)?|par\.)"
_ACTS = {
    "sel": "SEL",
    "serviceloven": "SEL",
    "servicelovens": "SEL",
    "servicelov": "SEL",
    "sul": "SUL",
    "sundhedsloven": "SUL",
    "sundhedslovens": "SUL",
    "abl": "ABL",
    "almenboligloven": "ABL",
    "almenboliglovens": "ABL",
}
_LEGAL = re.compile(
    r"(?:\b(?P<act>" + "|".join(sorted(_ACTS, key=len, reverse=True)) + r")\b\s*)?"
    r"(?:" + _PARAGRAPH_WORDS + r"\s*)(?P<first>\d{1,3})(?:\s*[-–]\s*(?P<last>\d{1,3}))?"
    r"|\b(?P<act2>" + "|".join(sorted(_ACTS, key=len, reverse=True)) + r")\s+(?P<num2>\d{1,3})\b",
    re.IGNORECASE,
)


def normalize(text: str, max_length: int = MAX_QUERY_LENGTH) -> str:
    """NFKC, lower case, control and format characters removed, whitespace collapsed, cut."""
    text = unicodedata.normalize("NFKC", str(text))[: max_length * 4]
    text = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in text)
    return " ".join(text.casefold().split())[:max_length]


def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def words(text: str) -> list[str]:
    """Words of the text; a hyphenated word comes as itself ("ki-plan")."""
    return _WORD.findall(normalize(text, max_length=10**9))


def _split(stemmed: str, vocabulary: set[str], depth: int = 0) -> list[str] | None:
    """Split a stem into known stems, allowing the Danish linking s/e ("misbrug-s-behandling")."""
    if depth > 3:
        return None
    for cut in range(len(stemmed) - MIN_PART_LENGTH, MIN_PART_LENGTH - 1, -1):
        head, tail = stemmed[:cut], stemmed[cut:]
        heads = [head]
        if head.endswith(("s", "e")) and len(head) > MIN_PART_LENGTH:
            heads.append(head[:-1])
        for candidate in heads:
            if candidate not in vocabulary:
                continue
            if tail in vocabulary:
                return [candidate, tail]
            rest = _split(tail, vocabulary, depth + 1)
            if rest:
                return [candidate, *rest]
    return None


def decompound(stemmed: str, vocabulary: set[str]) -> list[str]:
    """The known parts of a compound stem, or [] when it is not a compound of known stems."""
    if len(stemmed) < 2 * MIN_PART_LENGTH:
        return []
    parts = _split(stemmed, vocabulary)
    return [stem(p) for p in parts] if parts else []


def terms(text: str, vocabulary: set[str] = frozenset()) -> list[str]:
    """Index or query terms: each word's stem, hyphen parts and compound parts, in order."""
    result: list[str] = []
    for word in words(text):
        pieces = [word.replace("-", "")]
        if "-" in word:
            pieces += word.split("-")
        for piece in pieces:
            stemmed = stem(piece)
            result.append(stemmed)
            result += decompound(stemmed, vocabulary)
    seen: set[str] = set()
    return [t for t in result if not (t in seen or seen.add(t))]


def legal_refs(text: str) -> list[str]:
    """Paragraph references in any spelling, as refs ("SEL-99"); a bare § is the Social Services
    Act, the library's main act."""
    refs = []
    for match in _LEGAL.finditer(normalize(text, max_length=10**6)):
        act = _ACTS.get((match.group("act") or match.group("act2") or "").lower(), "SEL")
        first = match.group("first") or match.group("num2")
        last = match.group("last")
        refs.append(f"{act}-{first}-{last}" if last else f"{act}-{first}")
    return refs


def expand(query_terms: Iterable[str], synonyms: Mapping[str, Iterable[str]]) -> list[str]:
    """The terms plus their synonyms' terms (`synonyms` maps a term to equivalent terms)."""
    result = list(query_terms)
    for term in list(result):
        for other in synonyms.get(term, ()):
            if other not in result:
                result.append(other)
    return result


def suggest(query: str, known_words: Iterable[str], cutoff: float = 0.8) -> str | None:
    """A corrected query when some of its words are unknown but close to known ones."""
    known = set(known_words)
    changed = False
    corrected = []
    for word in words(query):
        if word in known or word.isdigit():
            corrected.append(word)
            continue
        match = difflib.get_close_matches(word, known, n=1, cutoff=cutoff)
        if match:
            corrected.append(match[0])
            changed = True
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else None


def synonym_terms(query: str, groups: Iterable[tuple[list[str], bool]], vocabulary=frozenset()):
    """Terms of the synonyms of every word or phrase of a group that the query contains.

    `groups` are (phrases, one_way): in a one-way group only the first phrase brings the others.
    """
    text = f" {' '.join(words(query))} "
    extra: list[str] = []
    for phrases, one_way in groups:
        triggers = phrases[:1] if one_way else phrases
        if any(f" {' '.join(words(p))} " in text for p in triggers if words(p)):
            for phrase in phrases:
                for term in terms(phrase, vocabulary):
                    if term not in extra:
                        extra.append(term)
    return extra
