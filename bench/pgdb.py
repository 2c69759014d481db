"""Fresh PostgreSQL databases for the benchmarks, named by a DATABASE_URL."""

from urllib.parse import urlsplit, urlunsplit


def _split(url):
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/postgres")), parts.path.lstrip("/")


def exists(url) -> bool:
    import psycopg

    maintenance, name = _split(url)
    with psycopg.connect(maintenance) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return found.fetchone() is not None


def recreate(url) -> None:
    """Drop the database the URL names, if it exists, and create it empty."""
    import psycopg

    maintenance, name = _split(url)
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
