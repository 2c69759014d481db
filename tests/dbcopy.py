"""A database of its own for a test that runs the site in other processes: a copy of the test
database once the content is loaded (`django_db_setup`). SQLite's in-memory test database is
written to a file with VACUUM INTO; PostgreSQL's is copied as a template. `site_env` and
`manage` run manage.py on such a copy, as an operator would."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parents[1]


def copy_test_database(tmp_path, django_db_blocker, suffix):
    from django.db import connection, connections

    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            target = tmp_path / f"{suffix}.sqlite3"
            with connection.cursor() as cursor:
                cursor.execute("VACUUM INTO %s", [str(target)])
            return f"sqlite:///{target}"
        test_name = connection.settings_dict["NAME"]
        connections.close_all()  # a template database must have no other sessions
    url = os.environ["DATABASE_URL"]
    name = f"{test_name}_{suffix}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{test_name}"')
    return urlunsplit(urlsplit(url)._replace(path="/" + name))


def site_env(tmp_path, django_db_blocker, name):
    """The environment of manage.py on a copy of its own, with VAR_DIR in `tmp_path`."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": copy_test_database(tmp_path, django_db_blocker, name),
        "VAR_DIR": str(tmp_path / "var"),
    }


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout
