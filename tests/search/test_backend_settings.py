"""The search backend is chosen by configuration, and Elasticsearch/OpenSearch get Danish analysis.

No Elasticsearch or OpenSearch server runs here: these tests check the settings, the analysis
definition and that Wagtail/modelsearch build their backend objects from them (building a client
does not connect). Whether a server accepts the index settings is not tested here.
"""

import os
import subprocess
import sys
import warnings
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from wagtail.models import Page
from wagtail.search import index
from wagtail.search.backends import get_search_backend

import environ
import pytest

from search import backends
from search.analysis import stem
from search.backends import (
    danish_analysis,
    search_backends,
    settings_from_env,
    synonym_lines_from_groups,
)
from search.models import SearchDocument

ROOT = Path(__file__).resolve().parents[2]
SKP_LINE = "SKP, støtte- og kontaktperson, støttekontaktperson, støtte- og kontaktpersonordning"
ONE_WAY_LINE = "udskrivningsaftale => udskrivningsaftale, koordinationsplan"


def env_with(monkeypatch, **values):
    for name in ("SEARCH_BACKEND", "SEARCH_URL", "SEARCH_INDEX"):
        monkeypatch.delenv(name, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return environ.Env()


def analysis_of(config):
    return config["default"]["INDEX_SETTINGS"]["settings"]["analysis"]


def server_backend(module, config):
    """The backend object Wagtail builds from our settings (no request is made)."""
    params = {k: v for k, v in config["default"].items() if k != "BACKEND"}
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # e.g. Wagtail's deprecation of the INDEX option
        return get_search_backend(module, **params)


# --- Which backend ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["", "database", " Database "])
def test_database_is_the_default_and_keeps_the_simple_search_config(monkeypatch, value):
    config = settings_from_env(env_with(monkeypatch, SEARCH_BACKEND=value))
    assert config == {"default": {"BACKEND": "search.database", "SEARCH_CONFIG": "simple"}}


def test_database_is_the_default_when_the_variable_is_not_set(monkeypatch):
    config = settings_from_env(env_with(monkeypatch))
    assert config["default"]["BACKEND"] == "search.database"


@pytest.mark.parametrize(
    ("value", "module"),
    [
        ("elasticsearch", "wagtail.search.backends.elasticsearch9"),
        ("opensearch", "wagtail.search.backends.opensearch3"),
    ],
)
def test_a_search_server_is_chosen_by_environment(monkeypatch, value, module):
    env = env_with(
        monkeypatch,
        SEARCH_BACKEND=value,
        SEARCH_URL="https://a.example:9243, https://b.example:9243",
        SEARCH_INDEX="mb_staging",
    )
    default = settings_from_env(env)["default"]
    assert default["BACKEND"] == module
    assert default["URLS"] == ["https://a.example:9243", "https://b.example:9243"]
    assert default["INDEX_PREFIX"] == "mb_staging_"
    assert "INDEX" not in default  # deprecated in Wagtail 7.4
    assert default["TIMEOUT"] == backends.DEFAULT_TIMEOUT
    assert default["ATOMIC_REBUILD"] is True
    assert "default_search" in default["INDEX_SETTINGS"]["settings"]["analysis"]["analyzer"]


def test_blank_url_and_index_fall_back_to_the_defaults(monkeypatch):
    env = env_with(monkeypatch, SEARCH_BACKEND="opensearch", SEARCH_URL="", SEARCH_INDEX="")
    default = settings_from_env(env)["default"]
    assert default["URLS"] == ["http://localhost:9200"]
    assert default["INDEX_PREFIX"] == "metodebibliotek_"


@pytest.mark.parametrize("value", ["solr", "elastic", "postgres"])
def test_an_unknown_backend_is_refused(monkeypatch, value):
    with pytest.raises(ImproperlyConfigured, match="SEARCH_BACKEND"):
        settings_from_env(env_with(monkeypatch, SEARCH_BACKEND=value))


@pytest.mark.parametrize(
    ("url", "index"), [("localhost:9200", "metodebibliotek"), ("http://h:9200", "Bad Name")]
)
def test_a_malformed_url_or_index_name_is_refused(url, index):
    with pytest.raises(ImproperlyConfigured):
        search_backends("elasticsearch", url, index)


def test_the_settings_module_uses_the_environment():
    """config/settings/base.py computes WAGTAILSEARCH_BACKENDS from the three variables."""
    script = (
        "from django.conf import settings; d = settings.WAGTAILSEARCH_BACKENDS['default']; "
        "a = d['INDEX_SETTINGS']['settings']['analysis']; "
        "print(d['BACKEND'], d['INDEX_PREFIX'], len(a['filter']['danish_synonyms']['synonyms']))"
    )
    environment = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", str(ROOT)),
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "ENV_FILE": "/dev/null",
        "SEARCH_BACKEND": "opensearch",
        "SEARCH_INDEX": "mbtest",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    module, prefix, synonym_count = result.stdout.split()[-3:]
    assert (module, prefix) == ("wagtail.search.backends.opensearch3", "mbtest_")
    assert int(synonym_count) >= 10


def test_env_example_documents_the_search_variables():
    documented = {
        line.split("=")[0]
        for line in (ROOT / ".env.example").read_text().splitlines()
        if "=" in line and not line.startswith("#")
    }
    assert {"SEARCH_BACKEND", "SEARCH_URL", "SEARCH_INDEX"} <= documented


# --- Danish analysis -------------------------------------------------------------------------


@pytest.fixture
def es_analysis(monkeypatch):
    return analysis_of(settings_from_env(env_with(monkeypatch, SEARCH_BACKEND="elasticsearch")))


def test_text_is_stemmed_and_stop_words_removed_in_danish(es_analysis):
    filters = es_analysis["filter"]
    assert filters["danish_stemmer"] == {"type": "stemmer", "language": "danish"}
    assert filters["danish_stop"] == {"type": "stop", "stopwords": "_danish_"}
    # Stop words go after the stemmer, so their stems are stopped too ("ikke" → "ikk").
    assert {"ikk", "hav", "og"} <= set(filters["danish_stop_stems"]["stopwords"])
    for name in ("default", "default_search"):
        chain = es_analysis["analyzer"][name]["filter"]
        assert chain[:2] == ["lowercase", "danish_stemmer"]
        assert chain.index("danish_stop") > chain.index("danish_stemmer")
        assert "danish_stop_stems" in chain


def test_the_seed_synonyms_are_in_the_search_analyzer_only(es_analysis):
    synonyms = es_analysis["filter"]["danish_synonyms"]
    assert synonyms["type"] == "synonym_graph"
    assert SKP_LINE in synonyms["synonyms"]
    assert ONE_WAY_LINE in synonyms["synonyms"]
    assert not any("§" in line for line in synonyms["synonyms"])
    assert not any("support and contact person" in line for line in synonyms["synonyms"])
    search_chain = es_analysis["analyzer"]["default_search"]["filter"]
    # Synonym rules are analysed by the filters before them: stop words there break the rules.
    assert search_chain.index("danish_stemmer") < search_chain.index("danish_synonyms")
    assert search_chain.index("danish_synonyms") < search_chain.index("danish_stop")
    assert "danish_synonyms" not in es_analysis["analyzer"]["default"]["filter"]


def test_compounds_are_split_with_the_lexicon_at_index_time(es_analysis):
    decompounder = es_analysis["filter"]["danish_decompounder"]
    assert decompounder["type"] == "dictionary_decompounder"
    assert decompounder["only_longest_match"] is False
    assert decompounder["min_subword_size"] == 3
    assert {"misbrug", "adfærd"} <= set(decompounder["word_list"])
    assert es_analysis["analyzer"]["default"]["filter"][-1] == "danish_decompounder"
    assert "danish_decompounder" not in es_analysis["analyzer"]["default_search"]["filter"]


def test_no_analyzer_folds_danish_letters(es_analysis):
    for name, definition in es_analysis["analyzer"].items():
        assert "asciifolding" not in definition["filter"], name


def test_every_filter_an_analyzer_uses_is_defined_or_built_in(es_analysis):
    built_in = {"lowercase", "ngram", "edgengram"}  # ngram/edgengram: modelsearch's defaults
    for definition in es_analysis["analyzer"].values():
        for name in definition["filter"]:
            assert name in es_analysis["filter"] or name in built_in, name


def test_danish_analysis_without_synonyms_or_compounds_leaves_those_filters_out():
    analysis = danish_analysis([])
    assert set(analysis["filter"]) == {"danish_stemmer", "danish_stop", "danish_stop_stems"}
    assert analysis["analyzer"]["default_search"]["filter"] == [
        "lowercase",
        "danish_stemmer",
        "danish_stop",
        "danish_stop_stems",
    ]


def test_danish_analysis_puts_the_given_lines_and_words_in_place():
    analysis = danish_analysis(["a, b"], compound_words=["misbrug", " ", "Behandl"])
    assert analysis["filter"]["danish_synonyms"]["synonyms"] == ["a, b"]
    assert analysis["filter"]["danish_decompounder"]["word_list"] == ["behandl", "misbrug"]


def test_a_missing_lexicon_or_seed_file_gives_no_words(tmp_path):
    assert backends.lexicon_words(tmp_path / "da.txt") == []
    assert backends.seed_synonym_groups(tmp_path / "synonyms.yaml") == []


def test_the_seed_file_groups_are_danish_only():
    groups = backends.seed_synonym_groups()
    assert (["udskrivningsaftale", "koordinationsplan"], True) in groups
    assert all(terms[0] != "SKP" or "støttekontaktperson" in terms for terms, _ in groups)


# --- Synonym rules ---------------------------------------------------------------------------


def test_an_ordinary_group_becomes_an_equivalence_rule():
    lines = synonym_lines_from_groups([(["SKP", "støtte- og kontaktperson", "§ 99"], False)])
    assert lines == ["SKP, støtte- og kontaktperson"]


def test_a_one_way_group_becomes_an_explicit_rule():
    lines = synonym_lines_from_groups([(["udskrivningsaftale", "koordinationsplan"], True)])
    assert lines == [ONE_WAY_LINE]


def test_rule_syntax_inside_a_phrase_is_escaped():
    lines = synonym_lines_from_groups([(["a, b", "c => d", "#e", "f\\g"], False)])
    assert lines == ["a\\, b, c =\\> d, \\#e, f\\\\g"]


def test_groups_left_with_one_phrase_or_led_by_a_paragraph_give_no_rule():
    groups = [
        (["bostøtte", "§ 85"], False),
        (["§ 99", "SKP", "støttekontaktperson"], True),
        (["SKP", "skp", "  "], False),
    ]
    assert synonym_lines_from_groups(groups) == []


# --- The backends Wagtail builds from these settings ------------------------------------------


@pytest.mark.parametrize(
    ("value", "client_module"),
    [("elasticsearch", "elasticsearch"), ("opensearch", "opensearchpy")],
)
def test_wagtail_builds_the_backend_with_the_danish_analysis(monkeypatch, value, client_module):
    env = env_with(monkeypatch, SEARCH_BACKEND=value, SEARCH_URL="https://u:p@search.example:9243")
    config = settings_from_env(env)
    backend = server_backend(config["default"]["BACKEND"], config)

    assert type(backend.es).__module__.startswith(client_module)
    assert backend.index_prefix == "metodebibliotek_"
    search_index = backend.get_index_for_model(SearchDocument)
    assert search_index.name == f"metodebibliotek_{SearchDocument._meta.app_label}_searchdocument"

    merged = backend.settings["settings"]
    analyzers = merged["analysis"]["analyzer"]
    assert "danish_stemmer" in analyzers["default"]["filter"]
    assert "danish_synonyms" in analyzers["default_search"]["filter"]
    # modelsearch's own definitions survive the merge; their folding does not.
    assert merged["analysis"]["filter"]["edgengram"]["type"] == "edge_ngram"
    assert merged["index"]["max_ngram_diff"] == 12
    assert analyzers["edgengram_analyzer"]["filter"] == ["lowercase", "edgengram"]


def test_text_fields_get_no_analyzer_of_their_own_so_the_danish_default_applies():
    config = search_backends("elasticsearch", "http://localhost:9200", synonym_lines=["a, b"])
    backend = server_backend(config["default"]["BACKEND"], config)
    mapping = backend.mapping_class(SearchDocument)
    properties = mapping.get_mapping()["properties"]
    text_fields = [
        mapping.get_field_column_name(f)
        for f in SearchDocument.get_search_fields()
        if type(f) is index.SearchField
    ]
    assert "body_terms" in text_fields
    for field in [*text_fields, "_all_text"]:
        assert properties[field]["type"] == "text"
        assert "analyzer" not in properties[field], field
        assert "search_analyzer" not in properties[field], field
    page_properties = backend.mapping_class(Page).get_mapping()["properties"]
    assert page_properties["title_edgengrams"]["analyzer"] == "edgengram_analyzer"


def test_the_stop_stems_match_the_librarys_own_stop_word_handling(es_analysis):
    # search.analysis.document_terms drops the stems of its stop words; the server does too.
    from search.analysis import STOPWORDS

    expected = {stem(w, "da") for w in STOPWORDS["da"]}
    assert set(es_analysis["filter"]["danish_stop_stems"]["stopwords"]) == expected
