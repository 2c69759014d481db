"""`manage.py backup` and `manage.py restore`, run as an operator runs them, on a database of
their own (a copy of the test database, SQLite or PostgreSQL): after a restore the page and
revision counts, the uploaded files and the rendered HTML of every page are as they were."""

import json
import os
import subprocess
import sys
import tarfile

import pytest

from core.backup import BackupError, read_manifest
from tests.dbcopy import ROOT, manage, site_env

SNAPSHOT = """
import hashlib, json
from django.test import Client
from wagtail.models import Page, Revision
client = Client()
html = {}
for page in Page.objects.live().exclude(depth=1).order_by("path"):
    response = client.get(page.url)
    html[page.url] = [response.status_code, hashlib.sha256(response.content).hexdigest()]
print(json.dumps({"pages": Page.objects.count(), "revisions": Revision.objects.count(),
                  "html": html}))
"""

COUNT = """
import json
from wagtail.models import Page
print(json.dumps({"pages": Page.objects.count(), "urls": [p.url for p in Page.objects.live()]}))
"""

DAMAGE = """
from wagtail.models import Page
page = Page.objects.live().filter(depth=4).order_by("path").first()
print(page.url)
page.get_translations().delete()
page.delete()
other = Page.objects.live().filter(depth=3).order_by("path").first().specific
other.title = "Overskrevet ved en fejl"
other.save_revision().publish()
"""


def snapshot(env):
    return json.loads(manage(env, "shell", "-c", SNAPSHOT).strip().splitlines()[-1])


def test_backup_and_restore_bring_back_every_page_revision_and_file(
    tmp_path, django_db_setup, django_db_blocker
):
    env = site_env(tmp_path, django_db_blocker, "backup")
    upload = tmp_path / "var" / "media" / "documents" / "vejledning.pdf"
    upload.parent.mkdir(parents=True)
    upload.write_bytes(b"%PDF-1.7 en vejledning\n")
    before = snapshot(env)
    assert before["pages"] > 250 and len(before["html"]) > 250

    out = manage(env, "backup", "--output", str(tmp_path / "kopier"))
    (archive,) = (tmp_path / "kopier").glob("metodebiblioteket-*.tar.gz")
    assert f"{before['pages']} sider" in out
    assert oct(archive.stat().st_mode & 0o777) == "0o600"

    deleted_url = manage(env, "shell", "-c", DAMAGE).strip().splitlines()[-1]
    upload.unlink()
    damaged = json.loads(manage(env, "shell", "-c", COUNT).strip().splitlines()[-1])
    assert damaged["pages"] < before["pages"] and deleted_url not in damaged["urls"]

    refused = subprocess.run(
        [sys.executable, "manage.py", "restore", str(archive)],
        cwd=ROOT, env=env, input="nej\n", capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert refused.returncode != 0 and "Intet er ændret" in refused.stderr
    assert (
        json.loads(manage(env, "shell", "-c", COUNT).splitlines()[-1])["pages"] == damaged["pages"]
    )

    out = manage(env, "restore", str(archive), "--yes")
    assert "Lagt tilbage" in out
    after = snapshot(env)
    assert (after["pages"], after["revisions"]) == (before["pages"], before["revisions"])
    assert after["html"] == before["html"]
    assert upload.read_bytes() == b"%PDF-1.7 en vejledning\n"


def test_restore_refuses_what_is_not_a_backup_or_from_another_database(tmp_path):
    junk = tmp_path / "noget.tar.gz"
    junk.write_bytes(b"ikke en sikkerhedskopi")
    with pytest.raises(BackupError, match="ikke en sikkerhedskopi"):
        read_manifest(junk)

    foreign = tmp_path / "fremmed.tar.gz"
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"format": 1, "vendor": "oracle", "pages": 1}))
    with tarfile.open(foreign, "w:gz") as tar:
        tar.add(manifest, arcname="manifest.json")
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(foreign), "--yes"],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Kopien er fra en oracle-database" in result.stderr
