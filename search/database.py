"""The database search backend (SQLite FTS5 or PostgreSQL), with the query cleaned first.

Wagtail's database backend hands the words it is given to SQLite's FTS5 as they are: an unbalanced
quote or a NUL character is a syntax error there (a 500 from the page API's `?search=` and the
admin's searches), and a query of blank characters such as U+3000 builds no query at all. Every
search through Wagtail's API (the page API, the admin, the library's own search service) comes
through `_search`, so it is cleaned once here: Unicode compatibility forms folded (an ideographic
space is a space), control and format characters and double quotes dropped, white space collapsed.
A query with nothing left is an empty query, which Wagtail answers with no results.
"""

import unicodedata

from modelsearch.backends.database import SearchBackend as database_backend


def clean_query(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text)
    kept = (
        " " if ch.isspace() or ch == '"' else ch
        for ch in folded
        if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn") or ch.isspace()
    )
    return " ".join("".join(kept).split())


class CleanQueryMixin:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        if isinstance(query, str):
            query = clean_query(query)
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


_classes: dict = {}


def SearchBackend(params):
    """The backend Wagtail would choose for the database (by its vendor), with `CleanQueryMixin`;
    the class keeps its name (SQLiteSearchBackend, PostgresSearchBackend)."""
    backend_class = type(database_backend(params))
    if backend_class not in _classes:
        name = backend_class.__name__
        _classes[backend_class] = type(name, (CleanQueryMixin, backend_class), {})
    return _classes[backend_class](params)
