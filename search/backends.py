"""Which search backend Wagtail uses: the database by default, Elasticsearch 9 or OpenSearch by
configuration (`SEARCH_BACKEND`, `SEARCH_URL`, `SEARCH_INDEX`; see docs/search.md).

Used by config/settings/base.py at settings time, so nothing here touches the database or the
app registry; elasticsearch.dsl is only imported when a search server is configured.

Synonyms reach the two kinds of backend differently:

- The library's own query analysis (search.service) reads the editors' synonym groups live from
  the `SynonymGroup` model on every search and sends the expanded terms to whichever backend is
  configured. With the database backend that is the only synonym handling, and an edit in the admin
  works on the next search.
- Elasticsearch/OpenSearch additionally get a `synonym_graph` filter in their search analyzer. Its
  rules are baked into the index settings when the index is created, from the committed seed file
  content/search/synonyms.yaml (Danish groups only; settings are computed before the database is
  available). After changing synonyms.yaml (or search/lexicon/da.txt), deploy and run
  `manage.py update_index`, which rebuilds the index with the new analysis; until then the server
  keeps the old rules.
"""

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from urllib.parse import urlparse

from django.core.exceptions import ImproperlyConfigured

from search.analysis import STOPWORDS, stem

BASE_DIR = Path(__file__).resolve().parent.parent
SYNONYMS_FILE = BASE_DIR / "content" / "search" / "synonyms.yaml"
LEXICON_FILE = Path(__file__).resolve().parent / "lexicon" / "da.txt"

DEFAULT_URL = "http://localhost:9200"
DEFAULT_INDEX = "metodebibliotek"
DEFAULT_TIMEOUT = 10  # seconds per request to the search server (modelsearch's default)

DATABASE = "search.database"  # Wagtail's database backend, its queries cleaned first
# Wagtail 7.4 re-exports django-modelsearch's backends under wagtail.search.backends.*; these
# wrappers add Wagtail's deprecation shims. elasticsearch9 matches the installed elasticsearch-py
# 9.x client (which only talks to Elasticsearch 9 servers). opensearch3 matches opensearch-py 3.x,
# whose API methods take keyword arguments only: the opensearch2 module still passes the index
# name positionally and would fail with that client. The server may be OpenSearch 2 or 3.
ELASTICSEARCH = "wagtail.search.backends.elasticsearch9"
OPENSEARCH = "wagtail.search.backends.opensearch3"
BACKENDS = {
    "": DATABASE,
    "database": DATABASE,
    "elasticsearch": ELASTICSEARCH,
    "opensearch": OPENSEARCH,
}

_INDEX_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,99}")


def backend_module(env_value: str) -> str:
    """The Wagtail backend module for a `SEARCH_BACKEND` value, or ImproperlyConfigured."""
    key = (env_value or "").strip().lower()
    if key not in BACKENDS:
        choices = ", ".join(f'"{name}"' for name in BACKENDS if name)
        raise ImproperlyConfigured(
            f"SEARCH_BACKEND={env_value!r} er ikke en kendt søgemaskine. "
            f"Brug {choices} (tom betyder database)."
        )
    return BACKENDS[key]


def search_backends(
    env_value: str,
    url: str,
    index: str = DEFAULT_INDEX,
    *,
    synonym_lines: Sequence[str] = (),
    compound_words: Sequence[str] = (),
    timeout: int = DEFAULT_TIMEOUT,
) -> dict:
    """The value of `WAGTAILSEARCH_BACKENDS` for the backend named by `env_value`.

    The database backend keeps `SEARCH_CONFIG: "simple"`: the library stems and splits compounds
    itself (search.analysis), so PostgreSQL must not stem the stems again.

    For Elasticsearch/OpenSearch, `url` may hold several comma-separated URLs (credentials go in
    the URL: https://user:password@host:9200). Wagtail 7.4 deprecates the backend's INDEX option in
    favour of INDEX_PREFIX, so `index` becomes the prefix of the index names modelsearch creates,
    one per root model: "metodebibliotek_search_searchdocument", "metodebibliotek_wagtailcore_page"…
    """
    module = backend_module(env_value)
    if module == DATABASE:
        return {"default": {"BACKEND": DATABASE, "SEARCH_CONFIG": "simple"}}

    urls = [u.strip() for u in (url or DEFAULT_URL).split(",") if u.strip()] or [DEFAULT_URL]
    for each in urls:
        parsed = urlparse(each)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise ImproperlyConfigured(
                f"SEARCH_URL skal være en http(s)-adresse, fx {DEFAULT_URL} (fik {each!r})."
            )
    index = (index or DEFAULT_INDEX).strip()
    if not _INDEX_NAME.fullmatch(index):
        raise ImproperlyConfigured(
            f"SEARCH_INDEX={index!r}: brug små bogstaver, tal, - og _ (fx {DEFAULT_INDEX})."
        )
    return {
        "default": {
            "BACKEND": module,
            "URLS": urls,
            "INDEX_PREFIX": f"{index}_",
            "TIMEOUT": timeout,
            # update_index builds a new index and swaps the alias: no empty search meanwhile.
            "ATOMIC_REBUILD": True,
            "INDEX_SETTINGS": index_settings(synonym_lines, compound_words),
        }
    }


def index_settings(synonym_lines: Sequence[str] = (), compound_words: Sequence[str] = ()) -> dict:
    """`INDEX_SETTINGS` for modelsearch's Elasticsearch/OpenSearch backends.

    modelsearch deep-merges this into its own default settings (`deep_update` in
    ElasticsearchBaseSearchBackend.__init__): dicts are merged key by key, anything else (such as a
    filter list) is replaced. Its defaults define `ngram_analyzer`, `edgengram_analyzer` and their
    filters; its mapping gives plain text fields (every SearchField, `_all_text`, the boost fields)
    no analyzer of their own, and only autocomplete fields an explicit one (`edgengram_analyzer` at
    index time, `standard` at search time).

    So the Danish analysis is made the one text fields use by naming its analyzers `default`
    (Elasticsearch's and OpenSearch's index-time default for fields without an analyzer) and
    `default_search` (their search-time default). The two modelsearch analyzers are redefined
    without `asciifolding`: folding would index "bøger" as "boger" while the `standard` search
    analyzer keeps "bøger", so Danish words with æ, ø and å would never autocomplete.
    """
    from elasticsearch.dsl import analyzer, tokenizer

    analysis = danish_analysis(list(synonym_lines), list(compound_words))
    for name, gram_filter in (("ngram_analyzer", "ngram"), ("edgengram_analyzer", "edgengram")):
        # `ngram`/`edgengram` are modelsearch's filters, kept from its defaults by the merge.
        unfolded = analyzer(
            name, tokenizer=tokenizer("standard"), filter=["lowercase", gram_filter]
        )
        analysis["analyzer"].update(unfolded.get_analysis_definition()["analyzer"])
    return {"settings": {"analysis": analysis}}


def danish_analysis(synonym_lines: list[str], compound_words: Sequence[str] = ()) -> dict:
    """The analysis section for Danish text, built with elasticsearch.dsl's analysis helpers.

    `default` (index time): standard tokenizer → lowercase → Danish Snowball stemmer → Danish stop
    words → dictionary decompounder.
    `default_search` (search time): standard tokenizer → lowercase → Danish stemmer → synonyms
    (`synonym_graph`) → Danish stop words.

    Why this order:
    - It mirrors search.analysis.document_terms (stem, then drop the stems of stop words, then add
      the known parts of compounds), so the stems the library sends as queries are analysed like
      the stems it stores. Stop words are removed after stemming, by `_danish_` plus the stems of
      the library's own stop word list ("ikke" → "ikk", "have" → "hav"), which `_danish_` alone
      would miss once the words are stemmed.
    - A synonym filter analyses its rules with the filters before it. Stop words there would leave
      position gaps in a rule such as "støtte- og kontaktperson", which Lucene rejects (the index
      cannot be created); the stemmer there makes a rule match inflected and stemmed queries
      ("støttekontaktpersonen", or the stem "støt" the library sends for "støtte").
    - `synonym_graph` is only valid in a search analyzer, hence the separate `default_search`.
    - Compounds are split at index time only: "misbrugsbehandling" is indexed with "misbrug" and
      "behandl", so a search for "misbrug" finds it. Splitting the query as well would turn a
      search for the compound into "any of its parts" (and decompounder output does not belong
      inside a synonym graph). The word list holds stems, matching the stemmed tokens.
    - No asciifolding: æ, ø and å are letters of their own in Danish.
    """
    from elasticsearch.dsl import analyzer, token_filter, tokenizer
    from elasticsearch.dsl.utils import merge

    stemmer = token_filter("danish_stemmer", "stemmer", language="danish")
    stop = token_filter("danish_stop", "stop", stopwords="_danish_")
    stop_stems = token_filter(
        "danish_stop_stems", "stop", stopwords=sorted({stem(w, "da") for w in STOPWORDS["da"]})
    )
    index_filters = ["lowercase", stemmer, stop, stop_stems]
    search_filters = ["lowercase", stemmer]
    if synonym_lines:
        search_filters.append(
            token_filter(
                "danish_synonyms",
                "synonym_graph",
                synonyms=list(synonym_lines),
                # A rule the analyzer cannot parse is skipped instead of failing index creation.
                lenient=True,
            )
        )
    search_filters += [stop, stop_stems]
    words = sorted({w.strip().lower() for w in compound_words if w.strip()})
    if words:
        index_filters.append(
            token_filter(
                "danish_decompounder",
                "dictionary_decompounder",
                word_list=words,
                min_subword_size=3,
                only_longest_match=False,
            )
        )

    standard = tokenizer("standard")
    analysis: dict = {}
    for definition in (
        analyzer("default", tokenizer=standard, filter=index_filters),
        analyzer("default_search", tokenizer=standard, filter=search_filters),
    ):
        merge(analysis, definition.get_analysis_definition(), raise_on_conflict=True)
    return analysis


def _escape(phrase: str) -> str:
    """A phrase as one term of a Solr synonym rule: "," and "=>" are syntax, "\\" escapes, and a
    rule starting with "#" is a comment."""
    phrase = phrase.replace("\\", "\\\\").replace(",", "\\,").replace("=>", "=\\>")
    return "\\" + phrase if phrase.startswith("#") else phrase


def synonym_lines_from_groups(groups: Iterable[tuple[Sequence[str], bool]]) -> list[str]:
    """Solr-format synonym rules from (phrases, one_way) groups.

    An ordinary group becomes "a, b, c" (each finds the others); a one-way group becomes
    "a => a, b, c" (only the first finds the others, and still finds itself).

    Phrases with "§" are left out: legal references are recognised by the library itself
    (search.analysis.legal_refs turns "§ 99", "paragraf 99" and "SEL 99" into one token). In the
    search server's analyzer "§ 99" would be just the number 99, and every query containing 99
    would become a synonym of SKP. A one-way group whose first phrase is such a reference is left
    out entirely, and a group with fewer than two phrases left has nothing to say.
    """
    lines = []
    for phrases, one_way in groups:
        cleaned = [" ".join(str(p).split()) for p in phrases]
        if one_way and (not cleaned or "§" in cleaned[0]):
            continue
        kept: list[str] = []
        seen: set[str] = set()
        for phrase in cleaned:
            if not phrase or "§" in phrase or phrase.casefold() in seen:
                continue
            seen.add(phrase.casefold())
            kept.append(_escape(phrase))
        if len(kept) < 2:
            continue
        lines.append(f"{kept[0]} => {', '.join(kept)}" if one_way else ", ".join(kept))
    return lines


def seed_synonym_groups(path: Path = SYNONYMS_FILE, language: str = "da"):
    """(terms, one_way) of the groups of the seed file in `language` (a group without a language
    is Danish, as in search.content); [] when the file is missing."""
    import yaml

    if not path.exists():
        return []
    groups = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [
        ([str(t) for t in group.get("terms") or []], bool(group.get("one_way", False)))
        for group in groups
        if group.get("language", "da") == language
    ]


def lexicon_words(path: Path = LEXICON_FILE) -> list[str]:
    """The compound-splitting stems, one a line (built by `manage.py build_lexicon`); [] when the
    file does not exist."""
    if not path.exists():
        return []
    return path.read_text(encoding="utf-8").split()


def settings_from_env(env) -> dict:
    """`WAGTAILSEARCH_BACKENDS` from the environment (`env` is the settings' environ.Env).

    SEARCH_BACKEND: "" or "database" (default), "elasticsearch" (9) or "opensearch" (2 or 3).
    SEARCH_URL: the server's URL(s), comma-separated (default http://localhost:9200).
    SEARCH_INDEX: prefix of the index names (default "metodebibliotek").

    The database backend reads the editors' synonyms live (through the SynonymGroup model, in the
    library's query analysis). Elasticsearch/OpenSearch get the Danish groups of
    content/search/synonyms.yaml and the stems of search/lexicon/da.txt baked into the index when
    it is created: run `manage.py update_index` after changing either.
    """
    backend = env.str("SEARCH_BACKEND", default="")
    url = env.str("SEARCH_URL", default=DEFAULT_URL)
    index = env.str("SEARCH_INDEX", default=DEFAULT_INDEX)
    if backend_module(backend) == DATABASE:
        return search_backends(backend, url, index)
    return search_backends(
        backend,
        url,
        index,
        synonym_lines=synonym_lines_from_groups(seed_synonym_groups()),
        compound_words=lexicon_words(),
    )
