"""Production settings fail fast, pass the deployment checklist, pick the database by URL."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECRET = "a-production-secret-key-that-is-long-and-random-0123456789-abcdefghijklmnop"


def run_manage(*args, **env):
    environment = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", str(ROOT)),
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "ENV_FILE": "/dev/null",  # ignore a developer's .env
        "BASE_URL": "https://metodebiblioteket.dk",
        "EMAIL_URL": "smtp+tls://smtp.example.dk:587",
        **env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="metodebiblioteket.dk")
    assert result.returncode != 0
    assert "SECRET_KEY skal være sat" in result.stderr


@pytest.mark.parametrize("hosts", ["", "*"])
def test_production_refuses_to_start_without_explicit_hosts(hosts):
    result = run_manage("check", SECRET_KEY=SECRET, ALLOWED_HOSTS=hosts)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS skal være sat" in result.stderr


def test_deploy_check_reports_no_issues_with_the_documented_variables():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="metodebiblioteket.dk",
        HTTPS="true",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_env_example_lists_every_variable_the_settings_read():
    settings_source = (ROOT / "config/settings/base.py").read_text()
    settings_source += (ROOT / "config/settings/production.py").read_text()
    read = set()
    for marker in ('env.str("', 'env.bool("', 'env.int("', 'env.list("'):
        for chunk in settings_source.split(marker)[1:]:
            read.add(chunk.split('"')[0])
    documented = {
        line.split("=")[0]
        for line in (ROOT / ".env.example").read_text().splitlines()
        if "=" in line and not line.startswith("#")
    }
    assert read <= documented, f"missing from .env.example: {read - documented}"


def test_sqlite_runs_with_wal_and_a_busy_timeout(tmp_path):
    script = (
        "from django.db import connection; c = connection.cursor(); "
        "print(c.execute('PRAGMA journal_mode').fetchone()[0], "
        "c.execute('PRAGMA busy_timeout').fetchone()[0])"
    )
    result = run_manage(
        "shell",
        "-c",
        script,
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp_path / 'wal.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["wal", "20000"]


def test_database_url_switches_to_postgresql():
    script = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    result = run_manage(
        "shell",
        "-c",
        script,
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/test",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == "django.db.backends.postgresql"
