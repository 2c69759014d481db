"""The fuzz tests' harness: requests in savepoints, findings collected, rows counted.

Hostile input to every public endpoint: no server error, and nothing stored that should not be.

Hypothesis generates the GET parameters of every public endpoint (the search page and API,
autocomplete, the Wagtail page API, the course catalogue, the feeds, the iCalendar and CSV
exports, the template and course downloads, /healthz, the pages themselves and random paths),
and the POSTs of the two public forms: the fill form of every template page and the page
feedback form. Values mix random text (without lone surrogates, which no URL can carry), NUL,
the ideographic space, unbalanced quotes, huge and negative integers, strings of a few thousand
characters, SQL, HTML and template fragments, CPR-looking numbers and the real vocabularies.

What is asserted:

- no response has a status of 500 or above; every 5xx is collected with its exception and the
  line of the project (or library) that raised it, and each test reports all of them together;
- a filled template stores nothing: the rows of every table are the same before and after each
  post, valid or not;
- a feedback post stores exactly one row (PageFeedback) when it is accepted, and nothing when it
  is refused; an invalid post is never accepted, and a stored comment never keeps a CPR-looking
  number (strategy/feedback.py masks them);
- the search page and API store one row per search (search/views.py logs them by design) and
  nothing else, and a logged query never keeps a CPR-looking number; every other GET stores
  nothing.

Each request runs in a savepoint of the test's transaction, so a request that breaks the
database leaves the next one unaffected. The examples are derandomised: CI runs the same
requests every time. The run prints one line at its end, `fuzz: N requests, M responses >=
500`, followed by the distinct server errors (conftest.py)."""

import re
import time
import traceback
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import quote, urlencode

from django.apps import apps
from django.db import connection, transaction
from django.test import Client

from hypothesis import HealthCheck, Phase, settings

ROOT = Path(__file__).resolve().parents[2]

FUZZ = settings(
    deadline=None,
    derandomize=True,
    database=None,
    # A failure is a collected finding, not an exception: nothing to shrink, and the time stays
    # bounded when the site has bugs.
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
        HealthCheck.filter_too_much,
    ],
    max_examples=100,
)

# --- Recording requests and findings --------------------------------------------------------


@dataclass
class ServerError:
    status: int
    where: str  # file:line, see _where
    exception: str
    request: str
    traceback: str
    count: int = 1


@dataclass
class Stats:
    requests: int = 0
    server_errors: dict = field(default_factory=dict)  # key → ServerError, over the module
    responses_5xx: int = 0
    slowest: tuple = (0.0, "")


STATS = Stats()
# A request that keeps a worker this long is a way to take the site down: reported like a 5xx.
SLOW_SECONDS = 30


def _where(exc_info):
    """Where to fix it: the innermost frame of the project's own code, else the innermost one
    outside Django, with the frame that raised when that is another."""
    frames = traceback.extract_tb(exc_info[2])
    own = [
        f
        for f in frames
        if f.filename.startswith(str(ROOT))
        and "/.venv/" not in f.filename
        and "/tests/" not in f.filename
    ]
    outside_django = [f for f in frames if "/site-packages/django/" not in f.filename]
    chosen = (own or outside_django or frames)[-1]
    path = Path(chosen.filename)
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    innermost = frames[-1]
    inner = Path(innermost.filename)
    inner_shown = inner.relative_to(ROOT) if inner.is_relative_to(ROOT) else inner
    if innermost is chosen:
        return f"{shown}:{chosen.lineno}"
    return f"{shown}:{chosen.lineno} (raised in {inner_shown}:{innermost.lineno})"


class Fuzz:
    """Django's test client with every response checked and every 5xx collected."""

    def __init__(self):
        self.errors: dict = {}  # this test's distinct server errors
        self.violations: list[str] = []

    # requests

    def get(self, path, params=(), headers=None, check=None, rollback=False):
        return self.request(
            "GET", path + query_string(params), headers=headers, check=check, rollback=rollback
        )

    def post(self, path, data, headers=None, check=None, rollback=True, content_type=None):
        return self.request(
            "POST",
            path,
            data=data,
            headers=headers,
            check=check,
            rollback=rollback,
            content_type=content_type,
        )

    def request(
        self, method, url, data=None, headers=None, check=None, rollback=False, content_type=None
    ):
        client = Client(raise_request_exception=False)
        kwargs = {"headers": headers or {}}
        if data is not None:
            kwargs["data"] = data
        if content_type:
            kwargs["content_type"] = content_type
        described = f"{method} {url}" + (f" data={_short(data)}" if data is not None else "")
        if headers:
            described += f" headers={_short(headers)}"
        with transaction.atomic():
            started = time.monotonic()
            if method in ("GET", "POST", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE", "TRACE"):
                response = getattr(client, method.lower())(url, **kwargs)
            else:
                response = client.generic(method, url, **kwargs)
            _consume(response)
            elapsed = time.monotonic() - started
            STATS.requests += 1
            if elapsed > STATS.slowest[0]:
                STATS.slowest = (elapsed, described)
            if elapsed > SLOW_SECONDS:
                self.violation(f"took {elapsed:.0f} s (more than {SLOW_SECONDS}): {described}")
            if response.status_code >= 500:
                self._server_error(response, described)
            elif check is not None:
                check(response, described)
            if rollback:
                transaction.set_rollback(True)
        return response

    def _server_error(self, response, described):
        STATS.responses_5xx += 1
        exc_info = getattr(response, "exc_info", None)
        if exc_info:
            where = _where(exc_info)
            exception = "".join(traceback.format_exception_only(exc_info[0], exc_info[1]))
            exception = exception.strip().splitlines()[-1]
            text = "".join(traceback.format_exception(*exc_info))
            # One finding per exception, place and message without the value it quotes.
            message = re.sub(r"'[^']*'|“[^”]*”", "…", exception)[:80]
            key = (exc_info[0].__name__, where, message)
            exception = exception[:300]
        else:
            where, exception, text = "(no exception)", f"status {response.status_code}", ""
            key = (response.status_code, described.split("?")[0])
        for store in (self.errors, STATS.server_errors):
            if key in store:
                store[key].count += 1
            else:
                store[key] = ServerError(response.status_code, where, exception, described, text)

    def violation(self, message):
        if len(self.violations) < 50:
            self.violations.append(message)

    # the verdict of one test

    def assert_clean(self):
        report = []
        for error in self.errors.values():
            report.append(
                f"\n--- {error.status} ×{error.count} at {error.where}: {error.exception}\n"
                f"first seen: {error.request}\n{error.traceback}"
            )
        report.extend(f"\n--- {v}" for v in self.violations)
        assert not report, (
            f"{len(self.errors)} distinct server errors, {len(self.violations)} other findings "
            "(data stored, slow answers, checks with nothing to check):" + "".join(report)
        )


def _short(value, limit=300):
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + f"… ({len(text)} chars)"


def _consume(response):
    """Streamed bodies (static files, CSV) are read, so an error while streaming shows too.

    The test client closes the response itself (a streamed one once it is read to the end).
    Closing it again here would send request_finished with Django's close_old_connections
    listening, and that closes the test's PostgreSQL connection in the middle of its transaction.
    """
    if getattr(response, "streaming", False):
        b"".join(response.streaming_content)


def query_string(params):
    """`?a=1&b=2` with every character percent-encoded as UTF-8 (NUL is %00), or a raw string."""
    if isinstance(params, str):
        return "?" + params if params else ""
    if not params:
        return ""
    return "?" + urlencode(list(params), quote_via=quote)


# --- What is stored ---------------------------------------------------------------------------


@cache
def _tables():
    existing = set(connection.introspection.table_names())
    models = apps.get_models(include_auto_created=True)
    return sorted(
        {
            m._meta.db_table
            for m in models
            if m._meta.managed and not m._meta.proxy and m._meta.db_table in existing
        }
    )


def table_counts() -> dict[str, int]:
    """Rows of every model's table, in one query."""
    quote_name = connection.ops.quote_name
    # The table names come from the models, quoted; nothing of a request is in the SQL.
    sql = " UNION ALL ".join(
        f"SELECT %s, COUNT(*) FROM {quote_name(t)}"  # noqa: S608
        for t in _tables()
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, _tables())
        return dict(cursor.fetchall())


def changed(before, after):
    return {t: after[t] - before[t] for t in after if after[t] != before.get(t)}


# Six digits, an optional separator, four digits: what a Danish CPR number looks like, in any
# digits NFKC turns into ASCII ones (full-width, superscript …).
CPR = re.compile(r"(?<!\d)\d{6}[-–‐/. ]?\d{4}(?!\d)")


def keeps_cpr(text):
    return bool(CPR.search(unicodedata.normalize("NFKC", text or "")))
