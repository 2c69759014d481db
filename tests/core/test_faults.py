"""Faults: a process killed with SIGKILL in the middle of publishing, and two processes publishing
the same page at once, on a database of their own (a copy of the test database, SQLite or
PostgreSQL). Afterwards the database passes its integrity check, Wagtail's `fixtree --dry-run`
finds the page tree consistent, and the pages they touched still render."""

import signal
import subprocess
import sys
import time

import psycopg

from tests.dbcopy import ROOT, manage, site_env

# Publishes one method again and again and adds pages under its section: a revision, the page
# row, the tree (path, numchild), the search document and the reference index all change.
PUBLISH_LOOP = """
from core.models import StandardPage
from methods.models import MethodPage
from wagtail.models import Page
method = MethodPage.objects.get(ref="M08", locale__language_code="da")
section = method.get_parent()
for i in range(times):
    method = MethodPage.objects.get(pk=method.pk)
    method.summary = f"Udgivet af {label} som nummer {i}."
    method.save_revision().publish()
    if i % 3 == 0:
        slug, ref = f"{label.lower()}-{i}", f"T-{label.upper()}-{i}"
        child = StandardPage(title=f"{label} {i}", slug=slug, ref=ref)
        Page.objects.get(pk=section.pk).add_child(instance=child)
        child.save_revision().publish()
    print("published", i, flush=True)
"""

# What `fixtree` would fix, without fixing it (treebeard's find_problems: wrong path alphabet or
# length, orphans, wrong depth, wrong numchild), pages without their type's row, and the pages
# the publishers touched that do not render.
CHECK_TREE = """
from django.test import Client
from wagtail.models import Collection, Page
problems = [list(found) for found in (*Page.find_problems(), *Collection.find_problems())]
missing = [
    p.pk for p in Page.objects.exclude(depth=1)
    if not p.specific_class.objects.filter(pk=p.pk).exists()
]
client = Client()
# The pages the publishers touched (the method's section and all under it), and the home page.
from methods.models import MethodPage
method = MethodPage.objects.get(ref="M08", locale__language_code="da")
touched = Page.objects.live().descendant_of(method.get_parent(), inclusive=True)
broken = [(p.url, client.get(p.url).status_code) for p in [*touched, method.get_site().root_page]]
print(problems, missing, [b for b in broken if b[1] != 200])
"""


def publisher(env, times, label):
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            f"times, label = {times}, {label!r}\n{PUBLISH_LOOP}",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def assert_database_intact(env):
    url = env["DATABASE_URL"]
    if url.startswith("sqlite"):
        import sqlite3

        database = sqlite3.connect(url.removeprefix("sqlite:///"))
        assert database.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert database.execute("PRAGMA foreign_key_check").fetchall() == []
        database.close()
    else:
        with psycopg.connect(url.replace("postgres://", "postgresql://"), autocommit=True) as pg:
            pg.execute("CREATE EXTENSION IF NOT EXISTS amcheck")
            indexes = pg.execute(
                "SELECT c.oid::regclass::text FROM pg_index i "
                "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE a.amname = 'btree' AND n.nspname = 'public'"
            ).fetchall()
            for (index,) in indexes:  # raises on a corrupt index
                pg.execute("SELECT bt_index_check(%s::regclass, true)", [index])
            assert len(indexes) > 50
    found = manage(env, "shell", "-c", CHECK_TREE).strip().splitlines()[-1]
    assert found == "[[], [], [], [], [], [], [], [], [], []] [] []", found


def test_a_publisher_killed_with_sigkill_leaves_a_consistent_database(
    tmp_path, django_db_setup, django_db_blocker
):
    env = site_env(tmp_path, django_db_blocker, "killed")
    process = publisher(env, 10_000, "Afbrudt")
    published = 0
    deadline = time.monotonic() + 120
    while published < 4 and time.monotonic() < deadline:  # well into the loop, mid-publish
        line = process.stdout.readline()
        assert line, process.stderr.read()[-2000:]
        published += line.startswith("published")
    time.sleep(0.137)  # between the lines: inside a publish
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert_database_intact(env)


def test_two_clients_publishing_the_same_page_at_once_leave_no_corruption(
    tmp_path, django_db_setup, django_db_blocker
):
    env = site_env(tmp_path, django_db_blocker, "concurrent")
    first, second = publisher(env, 12, "Anna"), publisher(env, 12, "Bent")
    for process in (first, second):
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err[-2000:]
        assert out.count("published") == 12
    assert_database_intact(env)
    summary = manage(
        env,
        "shell",
        "-c",
        "from methods.models import MethodPage; "
        "p = MethodPage.objects.get(ref='M08', locale__language_code='da'); "
        "print(p.live, p.live_revision_id == p.latest_revision_id, p.summary)",
    )
    live, same, text = summary.strip().splitlines()[-1].split(" ", 2)
    assert (live, same) == ("True", "True")
    assert text in {"Udgivet af Anna som nummer 11.", "Udgivet af Bent som nummer 11."}
