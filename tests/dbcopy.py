"""A database of its own for a test that runs the site in other processes: a copy of the test
database once the content is loaded (`django_db_setup`). SQLite's in-memory test database is
written to a file with VACUUM INTO; PostgreSQL's is copied as a template."""

import os
from urllib.parse import urlsplit, urlunsplit

import psycopg


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
