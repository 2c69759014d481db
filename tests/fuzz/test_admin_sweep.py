"""Every admin view of every page type, opened as each kind of user, answers without a server error.

One live page of each page type in the real content (the one with the most content, and its
English translation) is opened in every page view of the admin as a superuser, as a user with
admin access only and as a member of each group in the database (the project's groups from
strategy/governance.py and courses/roles.py, and Wagtail's own). The previews get the edit form's
own data, as the browser sends it. Then every other admin view: every admin URL without
arguments (dashboard, search, reports, snippets, documents, images, users, groups, workflows,
settings …) and the views of one object of each model the admin edits.

Before that, a POST sweep saves each page type through its edit view with its own data, as the
superuser (publish) and as an editor (submit to the workflow), and then with malformed data (a
StreamField's count missing or not a number, an inline panel's TOTAL_FORMS missing or not a
number): no server error, and a malformed POST changes neither the page's latest revision nor its
live content.

On PostgreSQL (CI's second run) the sweep goes as the superuser and an editor only: who may see
what is decided in Python and was swept on SQLite; what differs between the databases is the
queries, which those two users run in every view. That keeps the second run minutes shorter.

Any status below 500 passes: 403 and 404 are how the admin refuses, 405 a view that only takes a
POST. Every 5xx is collected, with its exception and where it was raised, and reported together.
"""

import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from django.db import connection
from django.test import Client
from django.urls import reverse

import pytest

from strategy.governance import EDITORS, REVIEWERS
from tests.fuzz.admin_targets import (
    CONTENT_ONLY_VIEWS,
    KEY_VIEWS,
    ROOT,
    SUPERUSER,
    admin_urls_without_arguments,
    edit_form,
    malformed,
    may_touch,
    object_urls,
    page_state,
    page_type_urls,
    page_urls,
    sample_pages,
    sweep_users,
)

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class ServerError:
    method: str
    url: str
    user: str
    status: int
    error: str
    page: str


class Sweep:
    """The clients of the kinds of user, and every request made and 5xx answered through them."""

    def __init__(self, users):
        self.users = users
        self.clients = {}
        for who, user in users.items():
            client = Client(raise_request_exception=False)
            client.force_login(user)
            self.clients[who] = client
        self.requests = 0
        self.server_errors = []
        self.problems = []
        self.page = ""  # the page whose views are being opened, named in the report
        self._seen = set()
        self._forms = {}

    def edit_form(self, who, page):
        """The edit form `who` gets for `page`, read once: the POST sweep saves the page with the
        data it holds, and the preview posts the same data again."""
        if (who, page.id) not in self._forms:
            self._forms[who, page.id] = edit_form(self, who, page)
        return self._forms[who, page.id]

    def get(self, who, url, once=True):
        if once:
            if (who, url) in self._seen:
                return None
            self._seen.add((who, url))
        return self._record(who, "GET", url, self.clients[who].get(url))

    def post(self, who, url, data):
        return self._record(who, "POST", url, self.clients[who].post(url, data))

    def _record(self, who, method, url, response):
        self.requests += 1
        if response.status_code >= 500:
            error = describe(response.exc_info) if response.exc_info else "no exception"
            error = ServerError(method, url, who, response.status_code, error, self.page)
            self.server_errors.append(error)
        return response

    def report(self):
        """The 5xx grouped by request and error, with the users that got each, and the problems."""
        grouped = {}
        for e in self.server_errors:
            grouped.setdefault((e.method, e.url, e.status, e.error, e.page), []).append(e.user)
        lines = [
            f"{status} {method} {url} {page} as {', '.join(users)}: {error}"
            for (method, url, status, error, page), users in grouped.items()
        ]
        return "\n".join(lines + self.problems)


def describe(exc_info):
    """The exception, the last line of the project (or else of a library other than Django) it
    passed through, and the line that raised it."""
    exc_type, exc, tb = exc_info
    frames = traceback.extract_tb(tb)
    ours = [f for f in frames if _is_ours(f.filename)]
    libraries = [f for f in frames if "/site-packages/django/" not in f.filename]
    where = (ours or libraries or frames)[-1]
    text = f"{exc_type.__name__}: {str(exc)[:200]} at {_location(where)}"
    if frames[-1] is not where:
        text += f" (raised in {_location(frames[-1])})"
    return text


def _is_ours(filename):
    path = Path(filename)
    return path.is_relative_to(ROOT) and not path.is_relative_to(ROOT / ".venv")


def _location(frame):
    path = Path(frame.filename)
    if path.is_relative_to(ROOT / ".venv"):
        path = Path(*path.parts[path.parts.index("site-packages") + 1 :])
    elif path.is_relative_to(ROOT):
        path = path.relative_to(ROOT)
    return f"{path}:{frame.lineno}"


# --- the sweeps ----------------------------------------------------------------------------------


def post_sweep(sweep, pages):
    """Save each page type with its own data (the superuser publishes, the editor submits), then
    post malformed data, which must change nothing."""
    for who, action, every_field in (
        (SUPERUSER, "action-publish", True),
        (EDITORS, "action-submit", False),
    ):
        for page in pages:
            if page.locale.language_code != "da":
                continue
            sweep.page = page_label(page)
            form = sweep.edit_form(who, page)
            if form is None:
                continue
            url = reverse("wagtailadmin_pages:edit", args=[page.id])
            own = form.data.copy()
            if action in form.buttons:
                own[action] = ""
            response = sweep.post(who, url, own)
            if response.status_code != 302:
                sweep.problems.append(
                    f"POST {url} {sweep.page} as {who} with the page's own data answered "
                    f"{response.status_code} instead of saving"
                )
            for what, data in malformed(form, every_field):
                before = page_state(page)
                sweep.post(who, url, data)
                after = page_state(page)
                if after != before:
                    sweep.problems.append(
                        f"POST {url} {sweep.page} as {who} {what} changed the page "
                        f"(latest revision, live revision, title): {before} -> {after}"
                    )


def preview(sweep, who, page):
    """The edit view's preview, with the edit form's own data, in each preview mode."""
    form = sweep.edit_form(who, page)
    if form is None:
        return
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.id])
    sweep.post(who, url, form.data)
    for mode, _label in page.preview_modes:
        sweep.get(who, f"{url}?mode={mode}", once=False)


def get_sweep(sweep, pages):
    """Every user opens the admin's pages that take no page (reports, snippets, settings …) and
    the views of one object of each model: all of them for a model the user has a permission on,
    and for any other model one view, which must refuse without an error (all its views refuse
    by the same check). The superuser opens every view of every sampled Danish page and previews
    each page; editors and reviewers every view whose answer depends on who asks (listings,
    forms, the permission checks of each action) on the Danish pages, and an editor previews
    them; everyone else, and every translation, the explorer, the draft, the edit view and
    wagtail-localize's views. That keeps the run to a few minutes."""
    shared = [(url, None) for url in admin_urls_without_arguments() + page_type_urls()]
    shared += object_urls()
    urls = {page.id: page_urls(page) for page in pages}
    for who, user in sweep.users.items():
        sweep.page = ""
        refused = set()
        for url, model in shared:
            if model is not None and who != SUPERUSER and not may_touch(user, model):
                if model in refused:
                    continue
                refused.add(model)
            sweep.get(who, url)
        for page in pages:
            sweep.page = page_label(page)
            danish = page.locale.language_code == "da"
            if who != SUPERUSER and not danish:
                continue
            # Every view for the superuser, editors and reviewers, who may act on most pages; of a
            # translation, and for everyone else: the explorer, the draft and the edit view.
            key_views_only = not danish or who not in (SUPERUSER, EDITORS, REVIEWERS)
            for url in urls[page.id]:
                if key_views_only and not KEY_VIEWS.match(url):
                    continue
                if who == SUPERUSER or not CONTENT_ONLY_VIEWS.match(url):
                    sweep.get(who, url)
            if who in (SUPERUSER, EDITORS):
                preview(sweep, who, page)  # opens the edit view too
            else:
                sweep.get(who, reverse("wagtailadmin_pages:edit", args=[page.id]))


def page_label(page):
    return f"({type(page).__name__} {getattr(page, 'ref', page.slug)}, {page.locale.language_code})"


def test_no_admin_view_answers_with_a_server_error(request):
    started = time.monotonic()
    users = sweep_users()
    if connection.vendor == "postgresql":
        users = {who: user for who, user in users.items() if who in (SUPERUSER, EDITORS)}
    sweep = Sweep(users)
    pages = sample_pages()
    post_sweep(sweep, pages)
    get_sweep(sweep, pages)
    summary = (
        f"admin sweep: {sweep.requests} requests as {len(sweep.users)} kinds of user on "
        f"{len(pages)} pages, {len(sweep.server_errors)} responses >= 500, "
        f"{len(sweep.problems)} other problems, {time.monotonic() - started:.0f} s"
    )
    request.config.pluginmanager.register(_Summary(summary), "admin-sweep-summary")
    if sweep.server_errors or sweep.problems:
        pytest.fail(f"{summary}\n{sweep.report()}", pytrace=False)


class _Summary:
    """Prints the sweep's one-line summary at the end of the run, where CI logs show it."""

    def __init__(self, line):
        self.line = line

    def pytest_terminal_summary(self, terminalreporter):
        terminalreporter.write_line(self.line)
