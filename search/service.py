"""The library's search: one service behind the search page (/soeg/) and the API (/api/search/).

1. The query is analysed into concepts (search.analysis): paragraphs, synonym phrases, refs and
   words, each with the term combinations that satisfy it.
2. Wagtail's search backend finds the candidate documents (search.models.SearchDocument) that
   have any of those terms.
3. Each candidate is checked against the concepts on its own analysed terms and ranked here:
   a concept in the title weighs most, then summary and synonyms, then the body; rarer concepts
   weigh more; pages that cover every concept come first; an exact title, ref or paragraph match
   comes before anything else. Because matching and ranking use the stored terms, SQLite,
   PostgreSQL and Elasticsearch give the same results.
4. Facet counts come from the database: OR within a facet, AND across facets, and each facet
   counted with the other facets' selections applied.
"""

import html
import math
import re
import time
from collections import OrderedDict
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import Count, Max
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText

from core.richtext import CITATION
from search import analysis
from search.lexicon import lexicon
from search.models import SearchDocument, SearchFacet, SynonymGroup
from taxonomy.models import VOCABULARIES

PAGE_SIZE = 10
MAX_PAGE = 500
MAX_CANDIDATES = 5000  # the most documents Elasticsearch/OpenSearch returns for one concept
MAX_VALUES_PER_FACET = 30
FACETS = ["type", *VOCABULARIES]

# Weights of a concept found in each field, and the bonuses that put exact matches first.
TITLE, SUMMARY, BODY = 3.0, 2.0, 1.0
EXACT_TITLE_BONUS = 50.0
REF_BONUS = 100.0
# Practitioners come for methods and with situations: between equally good matches, the method
# page or the situation guide comes first, and a news item or a course (which name and compose
# the library's pages) comes after the page itself.
TYPE_PRIOR = {
    "methods.MethodPage": 1.25,
    "situations.SituationPage": 1.25,
    "strategy.NewsPage": 0.6,
    "courses.CoursePage": 0.6,
}
# Pages that answer a situation: their prior holds for a query of this many concepts or more.
SITUATION_TYPES = {"situations.SituationPage"}
SITUATION_CONCEPTS = 3
# How far a body match is discounted by the length of the page's text (BM25's b).
LENGTH_NORM = 0.5
# How much more a page counts when all the query's concepts are in its title or summary.
ABOUT_WEIGHT = 1.0
# A guide among the first ANSWERS_WITHIN results is followed by up to ANSWERS_SHOWN of its pages.
ANSWERS_WITHIN, ANSWERS_SHOWN = 3, 3


class SearchInputError(ValueError):
    """Input the search cannot use; the message is shown to the user (Danish or English)."""


@dataclass
class SearchRequest:
    query: str = ""
    language: str = "da"
    selected: dict[str, list[str]] = field(default_factory=dict)
    page: int = 1

    def filters_text(self) -> str:
        return "&".join(f"{f}={v}" for f, values in sorted(self.selected.items()) for v in values)


@dataclass
class Result:
    ref: str
    type: str
    type_label: str
    title: str
    url: str
    summary: str
    highlight: str
    promoted: bool = False

    def as_json(self):
        return {
            "ref": self.ref,
            "type": self.type,
            "type_label": self.type_label,
            "title": self.title,
            "url": self.url,
            "summary": self.summary,
            "highlight": self.highlight,
            "promoted": self.promoted,
        }


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchResponse:
    request: SearchRequest
    count: int = 0
    results: list[Result] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    suggestion: str | None = None
    corrected_from: str | None = None  # the query as typed, when results are for the suggestion
    pages: int = 0
    took_ms: float = 0.0
    version: tuple = ()  # of the search documents the answer was made from
    all_corrected: bool = False  # every word of the query was unknown, and corrected

    def as_json(self):
        return {
            "query": self.request.query,
            "count": self.count,
            "page": self.request.page,
            "pages": self.pages,
            "results": [r.as_json() for r in self.results],
            "facets": {name: [vars(v) for v in values] for name, values in self.facets.items()},
            "suggestion": self.suggestion,
            "corrected_from": self.corrected_from,
        }


# --- Input ----------------------------------------------------------------------------------


def parse(params, language: str) -> SearchRequest:
    """A SearchRequest from GET parameters; SearchInputError with a message for bad input."""
    query = analysis.clean(params.get("q", ""))
    raw_page = params.get("page", "1").strip() or "1"
    if not re.fullmatch(r"[0-9]{1,3}", raw_page) or not 1 <= int(raw_page) <= MAX_PAGE:
        raise SearchInputError(
            _("The page number must be a whole number from 1 to %(max)s.") % {"max": MAX_PAGE}
        )
    selected = {}
    for name in FACETS:
        values = [v for v in params.getlist(name) if v.strip()]
        if not values:
            continue
        if len(values) > MAX_VALUES_PER_FACET:
            raise SearchInputError(_("Too many values are selected in one filter."))
        known = facet_labels(name, language)
        unknown = [v for v in values if v not in known]
        if unknown:
            raise SearchInputError(
                _("The filter %(facet)s has no value %(value)s.")
                % {"facet": facet_title(name), "value": unknown[0][:60]}
            )
        selected[name] = list(dict.fromkeys(values))
    return SearchRequest(query=query, language=language, selected=selected, page=int(raw_page))


# --- Labels ---------------------------------------------------------------------------------


def facet_title(name: str) -> str:
    if name == "type":
        return _("Content type")
    return str(VOCABULARIES[name]._meta.verbose_name).capitalize()


def _page_type_label(page_type: str) -> str:
    try:
        model = apps.get_model(page_type)
    except (LookupError, ValueError):
        return page_type
    return str(model._meta.verbose_name).capitalize()


def facet_labels(name: str, language: str) -> dict[str, str]:
    """{value: label} for every value the facet can take, in the language."""
    cached = _term_labels.get((name, language))
    if cached and time.monotonic() - cached[0] < TERM_LABELS_SECONDS:
        return cached[1]
    if name == "type":
        from search.documents import page_type

        with translation.override(language):
            labels = {
                page_type(model): _page_type_label(page_type(model))
                for model in apps.get_models()
                if issubclass(model, Page) and getattr(model, "searchable", False)
            }
    else:
        model = VOCABULARIES[name]
        terms = model.objects.filter(locale_id=_locale_id(language))
        labels = dict(terms.values_list("code", "name"))
        # Terms not yet translated show their source-language name.
        for code, name_ in model.objects.filter(locale_id=Locale.get_default().pk).values_list(
            "code", "name"
        ):
            labels.setdefault(code, name_)
    _term_labels[(name, language)] = (time.monotonic(), labels)
    return labels


# Labels change rarely (editors, under Taksonomi): they are kept per process for a minute instead
# of two queries per facet, or a walk through every model, on every search.
TERM_LABELS_SECONDS = 60
_term_labels: dict[tuple[str, str], tuple[float, dict[str, str]]] = {}


_locale_ids: dict[str, int] = {}


def _locale_id(language: str) -> int:
    if language not in _locale_ids:
        locale = Locale.objects.filter(language_code=language).first() or Locale.get_default()
        _locale_ids[language] = locale.pk
    return _locale_ids[language]


# --- Analysis context (synonyms and the library's vocabulary) -------------------------------


def synonym_groups(language: str):
    return [
        (group.term_list(), group.one_way)
        for group in SynonymGroup.objects.filter(language=language)
        if group.term_list()
    ]


_vocabularies: dict[str, tuple[object, analysis.Known]] = {}


def known_words(language: str, version) -> analysis.Known:
    """What the live library of a language knows (analysis.Known): every term of its index,
    and {stem: a word} for every word of its titles, summaries and the start of its text. Built
    once per process and rebuilt when a document has changed since."""
    documents = SearchDocument.objects.filter(locale_id=_locale_id(language), live=True)
    cached = _vocabularies.get(language)
    if cached and cached[0] == version:
        return cached[1]
    words: dict[str, str] = {}
    surface: set[str] = set()
    terms: set[str] = set()
    rows = documents.values_list(
        "title", "summary", "text", "title_terms", "summary_terms", "body_terms"
    ).iterator()
    for title, summary, text, *term_fields in rows:
        for field_terms in term_fields:
            terms.update(field_terms.split())
        for word in analysis.words(f"{title} {summary} {text[:1500]}"):
            if len(word) > 2 and not word.isdigit() and "-" not in word:
                words.setdefault(analysis.stem(word, language), word)
                surface.add(word)
    known = analysis.Known(terms, words, language, surface)
    _vocabularies[language] = (version, known)
    return known


# --- Search ---------------------------------------------------------------------------------


def search(request: SearchRequest, *, http_request=None) -> SearchResponse:
    started = time.perf_counter()
    response = _search(request, http_request)
    if not response.count and request.query:
        suggestion = suggest(request.query, request.language, response.version)
        if suggestion:
            corrected = SearchRequest(suggestion, request.language, request.selected, request.page)
            retry = _search(corrected, http_request)
            if retry.count:
                retry.request = request
                retry.corrected_from = request.query
                retry.suggestion = suggestion
                response = retry
    elif request.query:
        response.suggestion = suggest(request.query, request.language, response.version)
        # Every word was unknown and found only through its correction: the results are the
        # suggestion's, and the page says so ("Viser resultater for …").
        if response.suggestion and response.all_corrected:
            response.corrected_from = request.query
    response.took_ms = (time.perf_counter() - started) * 1000
    return response


def suggest(query: str, language: str, version=None) -> str | None:
    """ "Mente du …?": the query with unknown words replaced by the closest known words."""
    return analysis.suggest(query, known_words(language, version or _version()), language)


def _backend_query(alternatives):
    parts = [
        PlainText(alt[0]) if len(alt) == 1 else And([PlainText(t) for t in alt])
        for alt in alternatives
    ]
    return parts[0] if len(parts) == 1 else Or(parts)


def _matching(alternatives, queryset):
    """The documents of the queryset that have any of the alternatives, found by Wagtail's
    search backend: a lazy queryset on the database backends (usable as a subquery), a list of
    ids on Elasticsearch/OpenSearch."""
    results = get_search_backend().search(
        _backend_query(alternatives), queryset, order_by_relevance=False
    )
    get_queryset = getattr(results, "get_queryset", None)
    if get_queryset is not None:
        return get_queryset().values("pk")
    return [document.pk for document in results[:MAX_CANDIDATES]]


class _Postings:
    """The live documents of a locale per facet value ({(facet, value): {id, …}}), kept per
    process and rebuilt when a document has changed. Facet filters and counts are set
    operations on these, so the full-text match runs once per concept, not once per count."""

    _cache: dict[int, tuple[object, "_Postings"]] = {}

    def __init__(self, locale_id):
        self.all: set[int] = set()
        self.by_value: dict[tuple[str, str], set[int]] = {}
        rows = SearchFacet.objects.filter(
            document__locale_id=locale_id, document__live=True
        ).values_list("document_id", "facet", "value")
        for document_id, facet, value in rows.iterator(chunk_size=10_000):
            self.all.add(document_id)
            self.by_value.setdefault((facet, value), set()).add(document_id)

    @classmethod
    def of(cls, locale_id, version):
        cached = cls._cache.get(locale_id)
        if cached is None or cached[0] != version:
            cached = (version, cls(locale_id))
            cls._cache[locale_id] = cached
        return cached[1]

    def with_facets(self, ids, selected, skip=None):
        """OR within a facet, AND across facets (the facet `skip` left out)."""
        for name, values in selected.items():
            if name != skip:
                ids = ids & set().union(*(self.by_value.get((name, v), set()) for v in values))
        return ids


class _ConceptCache:
    """Per process: the ids of the documents that have a concept (its alternatives), per locale
    and version of the documents; the least recently used go first when the cache holds more
    than MAX_IDS ids. Popular words are searched again and again; like a search engine's
    filter cache, this saves their full-text match."""

    MAX_IDS = 1_000_000

    def __init__(self):
        self.entries: OrderedDict = OrderedDict()
        self.size = 0

    def clear(self):
        self.entries.clear()
        self.size = 0

    def get(self, key, compute) -> set[int]:
        """`key` includes the documents' version: entries of older versions are never asked
        for again and leave as the least recently used."""
        if key in self.entries:
            self.entries.move_to_end(key)
            return self.entries[key]
        ids = compute()
        self.entries[key] = ids
        self.size += len(ids)
        while self.size > self.MAX_IDS and len(self.entries) > 1:
            _, dropped = self.entries.popitem(last=False)
            self.size -= len(dropped)
        return ids


concept_cache = _ConceptCache()


def _version():
    """Changes whenever a search document is saved, unpublished or deleted (any language)."""
    return tuple(SearchDocument.objects.aggregate(Count("pk"), Max("updated_at")).values())


def _search(request: SearchRequest, http_request) -> SearchResponse:
    language = request.language
    locale_id = _locale_id(language)
    documents = SearchDocument.objects.filter(locale_id=locale_id, live=True)
    response = SearchResponse(request=request)
    version = response.version = _version()
    concepts = analysis.query_concepts(
        request.query,
        lexicon(language),
        synonym_groups(language),
        language,
        known_words(language, version),
    )
    if not concepts and request.query.strip():
        return response  # nothing to look for: punctuation, emoji
    response.all_corrected = bool(concepts) and all(c.kind == "corrected" for c in concepts)
    postings = _Postings.of(locale_id, version)

    def having(alternatives):
        return concept_cache.get(
            (locale_id, version, tuple(alternatives)),
            lambda: _ids(_matching(alternatives, documents)),
        )

    if concepts:
        # One full-text search per concept (and one for the searcher's own words when the
        # concept has synonyms): which documents have it anywhere.
        anywhere, own_words = [], []
        for concept in concepts:
            found = having(concept.alternatives)
            anywhere.append(found)
            own = [a for a in concept.alternatives if a in concept.own]
            if len(own) == len(concept.alternatives):
                own_words.append(found)
            else:
                own_words.append(having(own) if own else set())
        matched = set().union(*anywhere) & postings.all
    else:
        matched = postings.all
    response.facets = _facet_counts(request, matched, postings)
    selected = postings.with_facets(matched, request.selected)
    if concepts:
        ranked = _rank(selected, concepts, anywhere, own_words, request.query)
    else:
        titles = dict(_rows(documents, selected, "pk", "title"))
        ranked = sorted(titles, key=lambda pk: titles[pk].casefold())

    # Editors' promotions for the query come first, on the same pages as the rest: they follow
    # the facet filters, and only findable pages (live, not restricted) are promoted.
    promoted = [
        pk
        for pk in _promoted(request, locale_id)
        if pk in postings.with_facets(postings.all, request.selected)
    ]
    ordered = [*promoted, *(pk for pk in ranked if pk not in promoted)]
    response.count = len(ordered)
    response.pages = max(1, math.ceil(len(ordered) / PAGE_SIZE))
    start = (request.page - 1) * PAGE_SIZE
    page_ids = ordered[start : start + PAGE_SIZE]
    response.results = _results(
        [pk for pk in page_ids if pk in promoted],
        [pk for pk in page_ids if pk not in promoted],
        concepts,
        language,
        http_request,
    )
    return response


def _ids(matching) -> set[int]:
    if isinstance(matching, list):
        return set(matching)
    return set(matching.values_list("pk", flat=True))


def _rows(documents, ids, *fields, chunk=20_000):
    """values_list of the documents with these ids, a bounded number per query. The ids are
    integers from the database, written into the SQL as literals: binding thousands of
    parameters one by one costs more than the query (15 µs each in Django)."""
    ids = sorted(int(pk) for pk in ids)
    table = SearchDocument._meta.db_table
    for start in range(0, len(ids), chunk):
        literal = ",".join(map(str, ids[start : start + chunk]))
        where = f'"{table}"."page_id" IN ({literal})'
        yield from documents.extra(where=[where]).values_list(*fields)  # noqa: S610 - integers


def _facet_counts(request, matched, postings):
    """Counts per facet value among the matched documents: each facet counted with the other
    facets' selections applied."""
    everything_else = postings.with_facets(matched, request.selected)
    bases = {
        name: postings.with_facets(matched, request.selected, skip=name)
        for name in request.selected
    }
    counts: dict[str, dict[str, int]] = {}
    for (name, value), ids in postings.by_value.items():
        n = len(bases.get(name, everything_else) & ids)
        if n:
            counts.setdefault(name, {})[value] = n
    facets = {}
    for name in FACETS:
        values = counts.get(name, {})
        chosen = request.selected.get(name, [])
        if not values and not chosen:
            continue
        labels = facet_labels(name, request.language)
        facets[name] = sorted(
            (
                FacetValue(value, labels.get(value, value), values.get(value, 0), value in chosen)
                for value in {*values, *chosen}
            ),
            key=lambda v: (-v.count, v.label.casefold()),
        )
    return facets


def _rank(selected, concepts, anywhere, own_words, query):
    """Document ids, best first (see the module docstring). Which documents have each concept
    anywhere comes from the backend; whether it is in the title or summary from the stored
    terms, read only for the selected documents."""
    documents = SearchDocument.objects.all()
    rows = list(
        _rows(
            documents,
            selected,
            *("pk", "title", "title_terms", "summary_terms", "page_type", "body_length"),
            *("ref", "answer_refs"),
        )
    )
    average_length = sum(r[5] for r in rows) / max(len(rows), 1) or 1
    total = max(len(set().union(*anywhere)), 1)
    weights = [math.log(1 + total / (1 + len(found))) + 0.1 for found in anywhere]
    # A situation is described in several words; one or two are the name of something, and
    # then the page of that name comes before the guides that mention it.
    describes = len(concepts) >= SITUATION_CONCEPTS
    # The page that is the ref or paragraph asked for: its own ref token is in its title terms.
    wanted_refs = {
        "ref" + t[3:] if t.startswith("lov") else t
        for c in concepts
        if c.kind in ("ref", "legal")
        for alt in c.alternatives
        for t in alt
        if t.startswith(("ref", "lov"))
    }
    # Compared as typed without æ, ø, å, so "opsogende arbejde" is the title "Opsøgende arbejde",
    # and with a misspelt word as meant ("opsgende arbejde").
    meant = analysis.plain(query)
    for concept in concepts:
        if concept.kind == "corrected":
            meant = re.sub(rf"\b{re.escape(concept.text)}\b", concept.meant, meant)
    query_key = _title_key(meant)
    # A query that is a page's ref without digits ("SUL", "ABL") asks for that page, too.
    if meant.isalpha():
        wanted_refs.add(analysis.ref_token(meant))
    scored = []
    for pk, title, title_terms, summary_terms, page_type, body_length, *_answers in rows:
        title_set, summary_set = set(title_terms.split()), set(summary_terms.split())
        score = 0.0
        covered = 0
        about = 0
        for i, (concept, weight) in enumerate(zip(concepts, weights, strict=True)):
            if pk not in anywhere[i]:
                continue
            body = 1.0 if pk in own_words[i] else analysis.SYNONYM_STRENGTH
            # A word somewhere in a long text says less about the page than in a short one.
            body /= 1 - LENGTH_NORM + LENGTH_NORM * body_length / average_length
            found = max(
                TITLE * concept.strength(title_set),
                SUMMARY * concept.strength(summary_set),
                BODY * body,
            )
            score += found * weight
            covered += 1
            if found > BODY:
                about += 1
        if not covered:
            continue
        prior = TYPE_PRIOR.get(page_type, 1.0)
        if page_type in SITUATION_TYPES and not describes:
            prior = 1.0
        # A page with the query's concepts in its title or summary is about them, not only
        # mentions them: the score grows with the share of concepts found there.
        about_share = about / len(concepts)
        score *= (covered / len(concepts)) ** 2 * prior * (1 + ABOUT_WEIGHT * about_share)
        if wanted_refs & title_set:
            score += REF_BONUS
        if query_key and _is_title(query_key, title):
            score += EXACT_TITLE_BONUS
        scored.append((-score, title.casefold(), pk))
    scored.sort()
    ranked = [pk for _, _, pk in scored]
    return _with_answers(ranked, {row[0]: (row[6], row[7].split()) for row in rows})


def _with_answers(ranked, answers):
    """The guide among the first results comes with the pages it names that the query found
    too (its methods, legal pages, templates), right after it, best first: a situation finds
    the guide and the methods it names first. `answers` is {id: (ref, [named refs])}."""
    guide = next((pk for pk in ranked[:ANSWERS_WITHIN] if answers[pk][1]), None)
    if guide is None:
        return ranked
    position = ranked.index(guide) + 1
    named_refs = set(answers[guide][1])
    named = [pk for pk in ranked[position:] if answers[pk][0] in named_refs][:ANSWERS_SHOWN]
    rest = [pk for pk in ranked[position:] if pk not in named]
    return [*ranked[:position], *named, *rest]


_ALIAS = re.compile(r"\(([^()]{2,40})\)")


def _title_key(text: str) -> tuple[str, ...]:
    """A title or query as its words' stems, typed without æ, ø, å: any inflection is the same."""
    return tuple(analysis.stem(analysis.skeleton(w)) for w in analysis.plain(text).split())


def _is_title(query_key: tuple[str, ...], title: str) -> bool:
    """The query is the page's title, or the short name the title gives in brackets ("SKP" for
    "Støtte- og kontaktpersonordningen (SKP)"), in any inflection, with or without æ, ø, å."""
    return query_key in (_title_key(title), *map(_title_key, _ALIAS.findall(title)))


def _promoted(request, locale_id):
    """Pages editors promoted for this query (Wagtail's search promotions), in their order."""
    if not request.query:
        return []
    from wagtail.contrib.search_promotions.models import Query
    from wagtail.search.utils import normalise_query_string

    # Wagtail stores a promotion's query the way Query.get() normalises it.
    query = Query.objects.filter(query_string=normalise_query_string(request.query)).first()
    if query is None:
        return []
    page_ids = list(query.editors_picks.order_by("sort_order").values_list("page_id", flat=True))
    # A promoted page shows in the reader's language when it has a live translation there.
    pages = Page.objects.filter(pk__in=page_ids)
    keys = {p.pk: p.translation_key for p in pages}
    localized = dict(
        Page.objects.filter(
            translation_key__in=keys.values(), locale_id=locale_id, live=True
        ).values_list("translation_key", "pk")
    )
    wanted = [localized.get(keys.get(pk)) for pk in page_ids]
    return [pk for pk in dict.fromkeys(wanted) if pk is not None]


def _results(promoted, page_ids, concepts, language, http_request):
    ids = [*promoted, *page_ids]
    documents = SearchDocument.objects.in_bulk(ids)
    pages = Page.objects.in_bulk(ids)
    stems = {t for c in concepts for alt in c.alternatives for t in alt}
    results = []
    for pk in ids:
        document, page = documents.get(pk), pages.get(pk)
        if document is None or page is None:
            continue
        results.append(
            Result(
                ref=document.ref,
                type=document.page_type,
                type_label=_page_type_label(document.page_type),
                title=document.title,
                url=page.get_url(request=http_request) or "",
                summary=document.summary,
                highlight=highlight(document.text or document.summary, stems, language),
                promoted=pk in promoted,
            )
        )
    return results


# --- Snippets -------------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
SNIPPET_WORDS = 30


def highlight(text: str, stems: set[str], language: str, scan_words: int = 4000) -> str:
    """An HTML-escaped snippet of the text around the first query word, words marked (without
    the citations' line numbers, which mean nothing to a reader)."""
    text = CITATION.sub("", text[:60_000])
    tokens = list(_TOKEN.finditer(text))[:scan_words]
    if not tokens:
        return ""

    def hit(token):
        word = token.group(0).casefold()
        if analysis.stem(word, language) in stems or word in stems:
            return True
        # A query typed without æ, ø, å marks the words it found: "opsogende" marks "opsøgende".
        return analysis.ascii_token(analysis.stem(analysis.skeleton(word), language)) in stems

    first = next((i for i, t in enumerate(tokens) if hit(t)), None)
    start = 0 if first is None else max(0, first - 8)
    end = min(len(tokens), start + SNIPPET_WORDS)
    begin, finish = tokens[start].start(), tokens[end - 1].end()
    pieces = []
    position = begin
    for token in tokens[start:end]:
        pieces.append(html.escape(text[position : token.start()]))
        word = html.escape(token.group(0))
        pieces.append(f"<mark>{word}</mark>" if stems and hit(token) else word)
        position = token.end()
    snippet = "".join(pieces) + html.escape(text[position:finish])
    return ("… " if start else "") + snippet.strip() + (" …" if end < len(tokens) else "")


def autocomplete(prefix: str, language: str, limit: int = 8) -> list[dict]:
    """Titles that start with, or contain a word that starts with, what has been typed (also
    typed without æ, ø, å), then the best results of the search itself for the words typed
    so far: a typo or a situation in one's own words gets suggestions too."""
    prefix = analysis.normalize(prefix)
    if len(prefix) < 2:
        return []
    words = analysis.words(prefix)
    if not words:
        return []
    documents = SearchDocument.objects.filter(locale_id=_locale_id(language), live=True)
    # A word typed in ASCII meets the titles' skeletons ("opsoeg" → "opsog" in "opsøgende").
    typed = " ".join(analysis.skeleton(w) if w.isascii() else w for w in words)
    found = get_search_backend().autocomplete(typed, documents.only("page_id", "ref", "title"))
    suggestions = {d.ref: d.title for d in found[:limit]}
    if len(suggestions) < limit and len(prefix) >= 4:
        for result in search(SearchRequest(query=prefix, language=language)).results:
            suggestions.setdefault(result.ref, result.title)
    return [{"title": title, "ref": ref} for ref, title in list(suggestions.items())[:limit]]
