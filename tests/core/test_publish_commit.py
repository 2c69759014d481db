"""Readers served while a change is being published do not put the old page back in the page
cache. The publisher and its readers run in a process of their own on a copy of the test database
(SQLite or PostgreSQL), so the publish really commits and the readers (threads with their own
database connections) really read what is committed: with the file cache and with Redis."""

import pytest

from tests.dbcopy import manage, site_env

# A reader thread loads the page while the publishing transaction is still open (and sees the old
# page, as every other reader would), then the transaction commits; afterwards the page must be
# the new one. `wagtail.test.utils` is not used: the readers go through the whole middleware.
READ_DURING_PUBLISH = """
import threading
from django.conf import settings
from django.core.cache import caches
from django.db import connection, transaction
from django.test import Client, override_settings
from methods.models import MethodPage

NEW = "Et resumé udgivet mens nogen læste siden."

def read(url, found):
    try:
        response = Client().get(url)
        found.append((response["X-Wagtail-Cache"], NEW in response.content.decode()))
    finally:
        connection.close()

with override_settings(WAGTAIL_CACHE=True, CACHES={**settings.CACHES, "pages": PAGES}):
    caches["pages"].clear()
    method = MethodPage.objects.get(ref="M08", locale__language_code="da")
    url = method.url
    Client().get(url)
    during = []
    with transaction.atomic():
        method.summary = NEW
        method.save_revision().publish()
        reader = threading.Thread(target=read, args=(url, during))
        reader.start()
        reader.join()
    after = []
    read(url, after)
    print("RESULT", during, after)
"""

# A reader that had begun to render the page before the publish committed, and finishes after
# the cache was emptied: its old page must not be kept. The reader waits inside Wagtail's
# `before_serve_page` hook (the page and the stamp are read, the page not yet rendered) until the
# publisher has committed.
RENDER_ACROSS_COMMIT = """
import threading
from django.conf import settings
from django.core.cache import caches
from django.db import connection, transaction
from django.test import Client, override_settings
from wagtail import hooks
from methods.models import MethodPage

NEW = "Et resumé udgivet mens siden blev vist."
rendering, committed = threading.Event(), threading.Event()

@hooks.register("before_serve_page")
def wait_for_the_publisher(page, request, args, kwargs):
    if threading.current_thread() is not threading.main_thread():
        rendering.set()
        committed.wait(30)

def read(url, found):
    try:
        response = Client().get(url)
        found.append((response["X-Wagtail-Cache"], NEW in response.content.decode()))
    finally:
        connection.close()

with override_settings(WAGTAIL_CACHE=True, CACHES={**settings.CACHES, "pages": PAGES}):
    caches["pages"].clear()
    method = MethodPage.objects.get(ref="M08", locale__language_code="da")
    url = method.url
    during = []
    reader = threading.Thread(target=read, args=(url, during))
    reader.start()
    rendering.wait(30)
    method.summary = NEW
    method.save_revision().publish()
    committed.set()
    reader.join()
    after = []
    read(url, after)
    print("RESULT", during, after)
"""

FILE_CACHE = "{'BACKEND': 'django.core.cache.backends.filebased.FileBasedCache', 'LOCATION': %r}"
REDIS_CACHE = "{'BACKEND': 'django.core.cache.backends.redis.RedisCache', 'LOCATION': %r}"


@pytest.fixture(params=["files", "redis"])
def pages_cache(request, tmp_path):
    if request.param == "files":
        return FILE_CACHE % str(tmp_path / "pages")
    return REDIS_CACHE % "redis://127.0.0.1:6379/13"


def run(env, script, pages_cache):
    output = manage(env, "shell", "-c", f"PAGES = {pages_cache}\n{script}")
    line = next(line for line in output.splitlines() if line.startswith("RESULT"))
    return line.removeprefix("RESULT ")


def test_a_reader_during_a_publish_does_not_keep_the_old_page(
    tmp_path, django_db_setup, django_db_blocker, pages_cache
):
    env = site_env(tmp_path, django_db_blocker, "during")
    # While the transaction is open the reader gets the old page from the cache; once it has
    # committed, the page is rendered anew, with the new summary. (Emptied before the commit, the
    # cache took the reader's old page back and served it after: "[('miss', False)] [('hit',
    # False)]".)
    assert run(env, READ_DURING_PUBLISH, pages_cache) == "[('hit', False)] [('miss', True)]"


def test_a_page_rendered_across_a_commit_is_not_kept(
    tmp_path, django_db_setup, django_db_blocker, pages_cache
):
    env = site_env(tmp_path, django_db_blocker, "across")
    # The reader began before the commit and shows the old page, but it is not kept ("skip").
    assert run(env, RENDER_ACROSS_COMMIT, pages_cache) == "[('skip', False)] [('miss', True)]"
