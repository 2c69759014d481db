"""Backups: the database and the uploaded files in one .tar.gz, and the way back.

- SQLite is copied with SQLite's online backup API, so the site can keep serving meanwhile.
- PostgreSQL is dumped with `pg_dump --format=custom` and restored with `pg_restore --clean` in a
  single transaction: a restore that fails leaves the database as it was.
- Media (MEDIA_ROOT) is packed as it is and put back in place of what is there.

The archive holds a manifest (the database engine, when, and how many pages, revisions and
files) that `restore` checks before it changes anything.
"""

import io
import json
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection, connections
from django.utils import timezone

FORMAT = 1
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


class BackupError(Exception):
    """A Danish message for the person running the command."""


def _counts():
    from wagtail.models import Page, Revision

    return {"pages": Page.objects.count(), "revisions": Revision.objects.count()}


def _postgres_url():
    db = connection.settings_dict
    auth = quote(db["USER"] or "", safe="")
    if db.get("PASSWORD"):
        auth += ":" + quote(db["PASSWORD"], safe="")
    host = db.get("HOST") or "localhost"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgresql://{auth}@{host}{port}/{quote(db['NAME'], safe='')}"


def _run(command):
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} mislykkedes: {result.stderr.strip()[:500]}")


def _dump_database(target):
    if connection.vendor == "sqlite":
        source = sqlite3.connect(connection.settings_dict["NAME"])
        copy = sqlite3.connect(target)
        with copy:
            source.backup(copy)
        copy.close()
        source.close()
    elif connection.vendor == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
              f"--file={target}", _postgres_url()])  # fmt: skip
    else:
        raise BackupError(f"Databasen {connection.vendor} kan ikke sikkerhedskopieres her.")


def create(output_dir):
    """Write a backup archive in `output_dir` and return its path."""
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    archive = output_dir / f"metodebiblioteket-{stamp}.tar.gz"
    media = Path(settings.MEDIA_ROOT)
    media_files = [p for p in media.rglob("*") if p.is_file()] if media.is_dir() else []
    with tempfile.TemporaryDirectory() as work:
        database = Path(work) / DATABASE_FILES.get(connection.vendor, "database")
        _dump_database(database)
        manifest = {
            "format": FORMAT,
            "vendor": connection.vendor,
            "created": timezone.now().isoformat(),
            **_counts(),
            "media_files": len(media_files),
        }
        partial = archive.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as tar:
            info = tarfile.TarInfo("manifest.json")
            data = json.dumps(manifest, indent=2).encode()
            info.size = len(data)
            tar.addfile(info, fileobj=io.BytesIO(data))
            tar.add(database, arcname=database.name)
            for path in media_files:
                tar.add(path, arcname=f"media/{path.relative_to(media)}")
        partial.replace(archive)  # a backup that stopped halfway never looks finished
    archive.chmod(0o600)  # it holds the database, with the users' password hashes
    return archive, manifest


def read_manifest(archive):
    try:
        with tarfile.open(archive, "r:gz") as tar:
            manifest = json.load(tar.extractfile("manifest.json"))
    except (OSError, tarfile.TarError, KeyError, ValueError) as error:
        raise BackupError(f"{archive} er ikke en sikkerhedskopi fra Metodebiblioteket.") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{archive} har et format, denne version ikke kender.")
    return manifest


def restore(archive):
    """Put the database and media of `archive` in place of the current ones."""
    manifest = read_manifest(archive)
    if manifest["vendor"] != connection.vendor:
        raise BackupError(
            f"Kopien er fra en {manifest['vendor']}-database; denne installation bruger "
            f"{connection.vendor}."
        )
    with tempfile.TemporaryDirectory() as work:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(work, filter="data")  # no paths outside `work`, no devices or links
        database = Path(work) / DATABASE_FILES[manifest["vendor"]]
        connections.close_all()
        if connection.vendor == "sqlite":
            source = sqlite3.connect(database)
            live = sqlite3.connect(connection.settings_dict["NAME"])
            with live:
                source.backup(live)
            live.close()
            source.close()
        else:
            restore_options = ["--clean", "--if-exists", "--no-owner", "--no-privileges"]
            _run(
                ["pg_restore", *restore_options, "--single-transaction",
                 f"--dbname={_postgres_url()}", str(database)]
            )  # fmt: skip
        media = Path(settings.MEDIA_ROOT)
        if media.exists():
            shutil.rmtree(media)
        unpacked = Path(work) / "media"
        if unpacked.exists():
            shutil.copytree(unpacked, media)
        else:
            media.mkdir(parents=True, exist_ok=True)
    from core.pagecache import content_changed

    content_changed()  # pages cached, and lists kept, from the database as it was before
    return manifest
