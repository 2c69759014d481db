"""Browser tests: Debian's Chromium, driven by Playwright, against the production server.

The server is what `make run` serves: gunicorn with 2 workers, production settings (DEBUG off),
whitenoise and collected static files, on a database of its own: a copy of the test database
with the real content (a SQLite file, or a PostgreSQL database when DATABASE_URL points at one),
which `prepare_site` brings up to date as `make run` does. Browsers cannot be downloaded here, so
Playwright launches /usr/bin/chromium (`make test` installs it); axe-core comes from npm.
"""

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.dbcopy import copy_test_database

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# The server's admin user (`prepare_site` makes "admin" with ADMIN_PASSWORD), for admin tests.
ADMIN_PASSWORD = secrets.token_urlsafe(16)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped with exit code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - http://127.0.0.1 only
                if response.status == 200:
                    return
        except OSError:  # refused while the workers boot, or slow to answer: try again
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


@pytest.fixture(scope="session")
def site_env():
    """The environment `make serve` runs in for the browser tests (filled in by site_url)."""
    return {}


@pytest.fixture(scope="session")
def site_url(tmp_path_factory, django_db_setup, django_db_blocker, site_env):
    tmp_path = tmp_path_factory.mktemp("site")
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "ENV_FILE": "/dev/null",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "HTTPS": "false",
        "BASE_URL": f"http://127.0.0.1:{port}",
        "EMAIL_URL": "consolemail://",
        "VAR_DIR": str(tmp_path),
        # Its own static files: another test run (CI runs SQLite and PostgreSQL side by side)
        # may be collecting into the project's static/ at the same time.
        "STATIC_ROOT": str(tmp_path / "static"),
        "DATABASE_URL": copy_test_database(tmp_path, django_db_blocker, "browser"),
        "ADMIN_PASSWORD": ADMIN_PASSWORD,
    }
    site_env.update(env)
    manage = [sys.executable, "manage.py"]
    for command in (["collectstatic", "--noinput", "-v0"], ["prepare_site"]):
        subprocess.run([*manage, *command], cwd=ROOT, env=env, check=True, capture_output=True)
    log = (tmp_path / "server.log").open("w")
    # The server command is `make serve`'s own, so the tests exercise exactly what `make run` runs.
    server = subprocess.Popen(
        ["make", "--no-print-directory", "serve", f"PORT={port}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(url + "/healthz", server)
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
        log.close()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield browser
        browser.close()


def _page_of_size(browser, width, height):
    # axe-core is injected as an inline script, which the site's Content-Security-Policy blocks:
    # these tests bypass it. test_security.py checks the pages under the real policy.
    context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def page(browser):
    yield from _page_of_size(browser, 1280, 900)


@pytest.fixture(params=[(390, 844), (1280, 900)], ids=["phone", "desktop"])
def sized_page(browser, request):
    """A page at a phone's width (390 × 844 CSS px) and at a desktop's."""
    yield from _page_of_size(browser, *request.param)


def scrolls_sideways(page) -> bool:
    """Whether the page is wider than the window (WCAG 1.4.10, reflow)."""
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def axe_violations(page, tags=WCAG_21_AA):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", tags
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in result["violations"]
    ]


def assert_accessible(page):
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, indent=2)
