"""Danish text analysis for search, the same on every backend.

Wagtail's database backend does no Danish stemming on SQLite, and PostgreSQL's Danish
configuration does not split compounds, so the library analyses text itself: the index gets an
extra field of analysed terms (stems plus the parts of compounds), and a query is analysed the same
way before it reaches the backend. Pure functions, no Django: unit-tested in tests/search/.

- `normalize` makes text safe and comparable (NFKC, case, control characters, length).
- `terms` turns text into index terms: Snowball Danish stems, hyphenated words joined and split,
  and compounds split into known parts ("misbrugsbehandling" → misbrug + behandling).
- `legal_refs` finds paragraph references in any spelling ("§99", "paragraf 99", "SEL 99").
- `query_concepts` turns a query into what it asks for, with synonyms and abbreviations (SKP ↔
  støtte- og kontaktperson …) as other ways to satisfy a concept.
- `suggest` proposes a correction for misspelt words ("Mente du …?").
"""

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer

# Queries longer than this are cut (documented in docs/search.md): no practitioner types more,
# and it bounds the work a single request can cause.
MAX_QUERY_LENGTH = 200
MIN_PART_LENGTH = 3  # the shortest stem a compound part may have ("KI" parts come from hyphens)

_STEMMERS = {
    "da": snowballstemmer.stemmer("danish"),
    "en": snowballstemmer.stemmer("english"),
}
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
    """`clean`, in lower case: for comparing and analysing."""
    return " ".join(clean(text, max_length).casefold().split())[:max_length]


def clean(text: str, max_length: int = MAX_QUERY_LENGTH) -> str:
    """The query as typed, made safe to show and store: NFKC, no control characters, single
    spaces, cut to `max_length`; case is kept."""
    text = unicodedata.normalize("NFKC", str(text))[: max_length * 4]
    text = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in text)
    return " ".join(text.split())[:max_length]


_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def plain(text: str) -> str:
    """Lower-case words separated by single spaces, for comparing a title with a query (fast:
    no Unicode normalisation, for ranking thousands of titles)."""
    return _NOT_WORD.sub(" ", text.casefold()).strip()


# Snowball's time grows with the square of a word's length (a 100,000-letter "word" took 48 s).
# No real word is this long; a longer run of letters is indexed and searched as it stands.
MAX_STEMMED_LENGTH = 60


@lru_cache(maxsize=200_000)
def stem(word: str, language: str = "da") -> str:
    if len(word) > MAX_STEMMED_LENGTH:
        return word
    return _STEMMERS.get(language, _STEMMERS["da"]).stemWord(word)


def words(text: str) -> list[str]:
    """Words of the text; a hyphenated word comes as itself ("ki-plan")."""
    return _WORD.findall(normalize(text, max_length=10**9))


# --- Words typed without æ, ø and å ---------------------------------------------------------
# On a borrowed keyboard "opsøgende" becomes "opsogende" or "opsoegende", "pårørende" "parorende"
# or "paaroerende". Both sides meet in a skeleton of the word: æ, ø, å written as ae, oe, aa and
# those pairs then as one letter (a, o, a), so all three spellings share one. The index adds the
# skeleton's stem, as a token of its own (`ascii_token`: "ascopsog"), beside the real stem of
# every word that has æ, ø or å (or ae, oe, aa); a query word typed in ASCII is matched as it
# stands and by its skeleton's token. Kept apart from the real stems, so the library still knows
# that it has "vægt" but not "vagt".
ASCII_PREFIX = "asc"


def ascii_token(term: str) -> str:
    """The index token of a skeleton's stem: "opsog" → "ascopsog"."""
    return ASCII_PREFIX + term


_TO_PAIRS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})
_PAIRS = re.compile(r"ae|oe|aa")


def skeleton(word: str) -> str:
    """ "opsøgende", "opsoegende", "opsogende" → "opsogende"."""
    return _PAIRS.sub(lambda m: m.group(0)[0], word.translate(_TO_PAIRS))


def _foldable(word: str) -> bool:
    return skeleton(word) != word


@lru_cache(maxsize=8)
def folded_vocabulary(vocabulary: frozenset) -> frozenset:
    """The compound lexicon with the skeleton of each stem, to split a compound typed in ASCII."""
    return vocabulary | frozenset(skeleton(s) for s in vocabulary)


def _split(stemmed: str, vocabulary: set[str], depth: int = 0) -> list[str] | None:
    """Split a stem into known stems, allowing the Danish linking s/e ("misbrug-s-behandling")."""
    if depth > 3:
        return None
    for cut in range(len(stemmed) - MIN_PART_LENGTH, MIN_PART_LENGTH - 1, -1):
        head, tail = stemmed[:cut], stemmed[cut:]
        # The head as the word on its own would be stemmed first: "indsats" → "indsat", as a
        # query for "indsats" is; then as written, then without a linking s or e.
        heads = [stem(head), head]
        if head.endswith(("s", "e")) and len(head) > MIN_PART_LENGTH:
            heads.append(head[:-1])
        for candidate in heads:
            if candidate not in vocabulary:
                continue
            # Likewise the last part: "behandling" is "behandl", as the word on its own.
            last = next((t for t in (stem(tail), tail) if t in vocabulary), None)
            if last:
                return [candidate, last]
            rest = _split(tail, vocabulary, depth + 1)
            if rest:
                return [candidate, *rest]
    return None


@lru_cache(maxsize=200_000)
def _decompound_cached(stemmed: str, vocabulary: frozenset) -> tuple[str, ...]:
    return tuple(_split(stemmed, vocabulary) or ())


def decompound(stemmed: str, vocabulary: set[str]) -> list[str]:
    """The known parts of a compound stem, or [] when it is not a compound of known stems."""
    if not 2 * MIN_PART_LENGTH <= len(stemmed) <= MAX_STEMMED_LENGTH:
        return []
    if isinstance(vocabulary, frozenset):  # the lexicons: the split of a stem is kept
        return list(_decompound_cached(stemmed, vocabulary))
    # The parts are stems of the lexicon already: stemming them again would cut "psykos" (the
    # stem of "psykose") to "psyko", and "psykoseteams" would not be found by "psykose".
    return _split(stemmed, vocabulary) or []


def terms(
    text: str, vocabulary: set[str] = frozenset(), language: str = "da", fold: bool = False
) -> list[str]:
    """Index or query terms: each word's stem, hyphen parts and compound parts, in order; with
    `fold`, also the skeletons of words with æ, ø, å (not of stop words: "bør" is not "bor")."""
    stop = STOPWORDS.get(language, frozenset()) if fold else frozenset()
    result: list[str] = []
    for word in words(text):
        pieces = [word.replace("-", "")]
        if "-" in word:
            pieces += word.split("-")
        for piece in pieces:
            stemmed = stem(piece, language)
            result.append(stemmed)
            parts = decompound(stemmed, vocabulary)
            result += parts
            if fold and piece not in stop and _foldable(piece):
                result.append(ascii_token(stem(skeleton(piece), language)))
                result += [ascii_token(skeleton(p)) for p in parts if _foldable(p)]
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


class Known:
    """What the library knows, for typos and words typed without æ, ø, å: the index's terms,
    {stem: a word} of its words, and the words with æ, ø or å by their skeleton (and by the
    skeleton's stem), to write a query typed in ASCII back with its Danish letters."""

    __slots__ = ("folded", "folded_stems", "real_terms", "surface", "terms", "words")

    def __init__(self, terms=(), words=None, language="da", surface=()):
        self.terms = frozenset(terms)
        self.real_terms = frozenset(t for t in self.terms if not t.startswith(ASCII_PREFIX))
        self.words = dict(words or {})
        # Every spelling, not one per stem: "opsgende" is closest to "opsøgende", not "opsøger".
        self.surface = sorted({*self.words.values(), *surface})
        danish = [w for w in self.surface if _foldable(w)]
        self.folded = {skeleton(w): w for w in sorted(danish)}
        self.folded_stems = {stem(skeleton(w), language): w for w in sorted(danish, key=len)}

    def with_danish_letters(self, word: str, language: str = "da") -> str:
        """A word typed in ASCII that the library only has with æ, ø or å, written as the library
        writes it ("stoettekontaktpersonen" → "støttekontaktpersonen"), so synonyms, compounds
        and titles meet it as if typed correctly; any other word as it is."""
        if not word.isascii() or stem(word, language) in self.real_terms:
            return word
        return self.folded.get(skeleton(word), word)

    def close(self, word: str, limit: int = 1, cutoff: float = 80) -> list[str]:
        """The known words closest to `word` (rapidfuzz's edit-distance ratio, 0–100)."""
        from rapidfuzz import fuzz, process

        found = process.extract(
            word, self.surface, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit
        )
        return [match[0] for match in found]


def suggest(query: str, known: "Known", language: str = "da", cutoff: float = 80):
    """A corrected query when some of its words are unknown but close to known ones, or are
    known words typed without æ, ø, å; None when every word is known or nothing is close."""
    stop = STOPWORDS.get(language, set())
    changed = False
    corrected = []
    for word in words(query):
        stemmed = stem(word, language)
        if word in stop or word.isdigit() or len(word) < 4 or stemmed in known.words:
            corrected.append(word)
            continue
        match = (
            known.folded.get(skeleton(word))
            or known.folded_stems.get(stem(skeleton(word), language))
            or next(iter(known.close(word, cutoff=cutoff)), None)
        )
        if match and match != word:
            corrected.append(match)
            changed = True
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else None


# --- Index and query: stop words, tokens for refs and paragraphs, query concepts ---------------

# Words that carry no meaning on their own in a search (after the Snowball project's Danish and
# English lists, plus the question words practitioners start a question with).
STOPWORDS = {
    "da": frozenset(
        """og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har
        om vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal
        selv her alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne
        end dette mit også under have dig anden hende mine alt meget sit sine vor mod disse hvis
        din nogle hos blive mange ad bliver hendes været thi jer sådan hvordan hvorfor hvornår
        hvem hvilke hvilken hvilket kan får få fik gør gøre mest bør må""".split()  # noqa: SIM905
    ),
    "en": frozenset(
        """a an and are as at be by for from has have how i in is it its of on or that the this to
        was what when where which who why will with can do does should my we you your
        about""".split()  # noqa: SIM905
    ),
}

SYNONYM_STRENGTH = 0.5  # a page that says it with a synonym, against one with the searcher's words
_REF_QUERY = re.compile(r"(?<![\w.-])[a-z]{1,4}-?\d{1,3}(?:\.\d{1,2})*(?![\w-])")


def ref_token(ref: str) -> str:
    """One index token for a page's ref: "M08" → "refm08", "SEL-99" → "refsel99"."""
    return "ref" + re.sub(r"[^0-9a-z]", "", ref.casefold())


def legal_token(ref: str) -> str:
    """One index token for a paragraph, cited or the page's own: "SEL-99" → "lovsel99"."""
    return "lov" + re.sub(r"[^0-9a-z]", "", ref.casefold())


def document_terms(text: str, vocabulary=frozenset(), language: str = "da") -> list[str]:
    """The terms a text is indexed under: stems and compound parts without stop words, and a
    token for each paragraph it cites."""
    stop = {stem(w, language) for w in STOPWORDS.get(language, ())}
    result = [t for t in terms(text, vocabulary, language, fold=True) if t not in stop]
    result += [legal_token(ref) for ref in legal_refs(text)]
    seen: set[str] = set()
    return [t for t in result if not (t in seen or seen.add(t))]


class Concept:
    """One thing the searcher asked for, and the ways a page may say it.

    `alternatives` are tuples of terms: a page matches the concept when it has every term of one
    alternative ("misbrugsbehandling" is the stem itself, or misbrug and behandling).
    `kind` is "word", "corrected" (an unknown word, satisfied by the closest known words too),
    "synonym", "legal" or "ref".
    """

    __slots__ = ("alternatives", "kind", "meant", "own", "text")

    def __init__(self, text, alternatives, kind="word", own=None):
        self.text = text
        self.kind = kind
        self.meant = text  # for a corrected word, the closest known word
        self.alternatives = list(dict.fromkeys(tuple(a) for a in alternatives if a))
        # The alternatives that are the searcher's own words (the rest are synonyms).
        self.own = set(self.alternatives) if own is None else {tuple(a) for a in own if a}

    def matches(self, terms_of_doc) -> bool:
        return any(all(t in terms_of_doc for t in alt) for alt in self.alternatives)

    def strength(self, terms_of_doc) -> float:
        """1 when the page has the searcher's own words, less when only a synonym, else 0."""
        best = 0.0
        for alt in self.alternatives:
            if all(t in terms_of_doc for t in alt):
                if alt in self.own:
                    return 1.0
                best = SYNONYM_STRENGTH
        return best

    def all_terms(self):
        return sorted({t for alt in self.alternatives for t in alt})

    def __repr__(self):
        return f"Concept({self.text!r}, {self.alternatives!r}, {self.kind!r})"


def _cut(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def query_concepts(
    query: str,
    vocabulary=frozenset(),
    groups: Iterable[tuple[list[str], bool]] = (),
    language: str = "da",
    known: Known | None = None,
) -> list[Concept]:
    """The concepts of a query: paragraphs, synonym phrases, refs and the remaining words.

    A paragraph ("skp paragraf 99") becomes one concept; a phrase of a synonym group becomes one
    concept that any phrase of the group satisfies; each other word that is not a stop word
    becomes one concept satisfied by its stem or by all its compound parts. With `known` (the
    library's terms and words), a word the library does not have is also satisfied by the
    closest words it has: a typo in any word still finds and ranks by the others' meaning.
    """
    text = normalize(query)
    if known is not None:
        text = _WORD.sub(lambda m: known.with_danish_letters(m.group(0), language), text)
    concepts: list[Concept] = []
    for match in _LEGAL.finditer(text):
        ref = legal_refs(match.group(0))
        if ref:
            concepts.append(Concept(match.group(0).strip(), [(legal_token(ref[0]),)], "legal"))
            text = _cut(text, *match.span())
    for phrases, one_way in groups:
        triggers = phrases[:1] if one_way else phrases
        for trigger in sorted(triggers, key=len, reverse=True):
            parts = [p for w in words(trigger) for p in w.split("-") if p]
            if not parts:
                continue
            pattern = r"(?<![\w-])" + r"[\s-]*".join(map(re.escape, parts)) + r"(?![\w-])"
            found = re.search(pattern, text)
            if not found:
                continue
            alternatives = []
            own = []
            for phrase in phrases:
                refs = legal_refs(phrase)
                if refs:
                    ways = [(legal_token(refs[0]),)]
                else:
                    ways = _word_alternatives(phrase, vocabulary, language, joined=True)
                alternatives += ways
                if phrase == trigger:
                    own = ways
            concepts.append(Concept(found.group(0), alternatives, "synonym", own=own))
            text = _cut(text, *found.span())
            break
    for found in list(_REF_QUERY.finditer(text)):
        ref = found.group(0)
        alternatives = [(ref_token(ref),), *_word_alternatives(ref, (), language, joined=True)]
        concepts.append(Concept(ref, alternatives, "ref"))
        text = _cut(text, *found.span())
    stop = STOPWORDS.get(language, set())
    remaining = words(text)
    meaningful = [w for w in remaining if w not in stop] or ([] if concepts else remaining)
    for word in meaningful:
        alternatives = _word_alternatives(word, vocabulary, language)
        closest = []
        if known is not None and _unknown(alternatives, known) and len(word) >= 4:
            closest = known.close(word, limit=CORRECTIONS)
            for close in closest:
                alternatives += _word_alternatives(close, vocabulary, language)
        concept = Concept(word, alternatives, "corrected" if closest else "word")
        concept.meant = closest[0] if closest else word
        concepts.append(concept)
    return concepts


CORRECTIONS = 2  # the known words an unknown query word may stand for


def _unknown(alternatives, known: Known) -> bool:
    return not any(all(t in known.terms for t in alt) for alt in alternatives)


def _word_alternatives(text, vocabulary, language, joined=False):
    """A word's ways to match: its stem, or all its compound or hyphen parts. With `joined`, a
    phrase of several words must match all of them (one alternative)."""
    stop = {stem(w, language) for w in STOPWORDS.get(language, ())}
    if joined and (len(words(text)) > 1 or "." in text):
        parts = [t for t in _stems_of_words(text, language) if t not in stop]
        return [tuple(parts)] if parts else []
    alternatives = []
    for word in words(text):
        whole = stem(word.replace("-", ""), language)
        alternatives.append((whole,))
        if "-" in word:
            alternatives.append(tuple(stem(p, language) for p in word.split("-") if p))
        parts = decompound(whole, vocabulary)
        if parts:
            alternatives.append(tuple(parts))
        # Typed in ASCII: "opsoegende" is also "opsøgende"; a compound's parts may be, too.
        if word.isascii() and vocabulary:
            folded = stem(skeleton(word.replace("-", "")), language)
            alternatives.append((ascii_token(folded),))
            if not parts:
                ascii_parts = decompound(folded, folded_vocabulary(frozenset(vocabulary)))
                if ascii_parts:
                    alternatives.append(
                        tuple(p if p in vocabulary else ascii_token(p) for p in ascii_parts)
                    )
    return alternatives


def _stems_of_words(text, language):
    return [stem(w.replace("-", ""), language) for w in words(text)]
