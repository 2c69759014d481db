"""The longest requests a visitor can make the production server take: a filled form (as large as
the form lets it be, as PDF), downloads made on the first request, long searches, and a cached page
while two of the largest fills run at once.

Serves the site as `make serve` does (gunicorn, 2 workers, production settings) on a free loopback
port, against the database in VAR_DIR (run `make setup` first). `--root DIR` serves another
checkout of the project (a `git worktree` of an older commit) against the same database, to compare
before and after.

    .venv/bin/python bench/longest_request.py [--root DIR] [--sync]

`--sync` serves with gunicorn's sync workers (as the server did before issue 16).
"""

import sys
from pathlib import Path

# Run as a script, bench/ is first on the path, where bench/http.py would hide the standard
# library's `http` package (as bench/http.py itself explains).
HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]

import argparse  # noqa: E402
import http.cookiejar  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import subprocess  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
import urllib.error  # noqa: E402
import urllib.parse  # noqa: E402
import urllib.request  # noqa: E402

# Loaded by its path, for the same reason.
_spec = importlib.util.spec_from_file_location("http_bench", HERE / "http_bench.py")
http_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(http_bench)
free_port, wait_for = http_bench.free_port, http_bench.wait_for

ROOT = HERE.parent
WORDS = "borgeren ønsker kontakt igen efter besøget i opgangen "


def start(root, sync):
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "ENV_FILE": str(ROOT / ".env"),
        "VAR_DIR": os.environ.get("VAR_DIR", str(ROOT / "var")),
        "STATIC_ROOT": str(ROOT / "static"),
        "BASE_URL": f"http://127.0.0.1:{port}",
        "FILL_RATE_LIMIT": "100000/h",
        "SEARCH_RATE_LIMIT": "100000/m",
        "SEARCH_PAGE_RATE_LIMIT": "100000/m",
    }
    gunicorn = [str(ROOT / ".venv/bin/gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "2"]
    workers = [] if sync else ["--worker-class", "gthread", "--threads", "4"]
    server = subprocess.Popen(
        [*gunicorn, *workers, "--timeout", "120", "config.wsgi:application"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    wait_for(base + "/")
    return server, base


def timed(opener, url, data=None, headers=None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    started = time.monotonic()
    try:
        with opener.open(request, timeout=300) as response:
            status, size = response.status, len(response.read())
    except urllib.error.HTTPError as error:
        status, size = error.code, len(error.read())
    return {"seconds": round(time.monotonic() - started, 2), "status": status, "bytes": size}


def page_url(base, page_type, ref):
    found = json.loads(wait_for(f"{base}/api/v2/pages/?type={page_type}&limit=100"))
    item = next(i for i in found["items"] if i["ref"] == ref)
    return "/" + item["meta"]["html_url"].split("/", 3)[3]


def fill_post(base, path, per_field):
    """A fill of every text field of the form with `per_field` characters, as PDF."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(base + path) as response:
        html = response.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    names = re.findall(r'<(?:input type="text"|textarea)[^>]*name="([^"]+)"', html)
    fields = dict.fromkeys(names, (WORDS * 200)[:per_field])
    body = urllib.parse.urlencode(
        {**fields, "file_format": "pdf", "csrfmiddlewaretoken": token}
    ).encode()
    headers = {"Referer": base + path, "Content-Type": "application/x-www-form-urlencoded"}
    return opener, base + path, body, headers, len(names)


def measure(root, sync):
    server, base = start(root, sync)
    plain = urllib.request.build_opener()
    try:
        form = page_url(base, "downloads.TemplatePage", "S4.8") + "udfyld/"
        course = page_url(base, "courses.CoursePage", "KURSUS-OPSOEGENDE")
        results = {}
        for label, per_field in (("fill_pdf_max_fields", 4990), ("fill_pdf_20000_chars", 217)):
            opener, url, body, headers, count = fill_post(base, form, per_field)
            results[label] = timed(opener, url, body, headers) | {"characters": per_field * count}
        results["course_guide_pdf_first"] = timed(
            plain, f"{base}{course}download/pdf/?variant=guide"
        )
        long_query = urllib.parse.quote((WORDS * 60)[:2000])
        results["search_api_2000_chars"] = timed(plain, f"{base}/api/search/?q={long_query}")
        results["search_page_2000_chars"] = timed(plain, f"{base}/soeg/?q={long_query}")
        results["page_api_search_2000_chars"] = timed(
            plain, f"{base}/api/v2/pages/?search={long_query}"
        )
        # A cached page while two of the largest fills run at once (each from its own client):
        # refused ones (every field full) and accepted ones (about 20,000 characters as PDF).
        for label, per_field in (("max_fields", 4990), ("20000_chars", 217)):
            timed(plain, base + "/")
            fills = [fill_post(base, form, per_field) for _ in range(2)]
            threads = [threading.Thread(target=timed, args=fill[:4]) for fill in fills]
            for thread in threads:
                thread.start()
            time.sleep(0.5)
            results[f"home_during_two_fills_{label}"] = timed(plain, base + "/")
            for thread in threads:
                thread.join()
        return results
    finally:
        server.terminate()
        server.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=str(ROOT), help="the checkout to serve")
    parser.add_argument("--sync", action="store_true", help="gunicorn's sync workers")
    args = parser.parse_args()
    print(json.dumps(measure(args.root, args.sync), indent=2))


if __name__ == "__main__":
    main()
