"""Requests per second, p50/p99 latency, worker memory and cold start of the production server.

Serves the site as `make serve` does (gunicorn, 2 workers, production settings, whitenoise) on a
free loopback port, against the database in VAR_DIR (run `make setup` first), and loads each URL
with wrk (one thread, 16 connections; wrk's second thread would take CPU from the workers):

- a static file through whitenoise (the yardstick for the page cache);
- the home page, a method page, the search API with two facets, and a template's PDF download,
  each with the page cache on (after one request has filled it) and off (PAGE_CACHE=false).

Then 10,000 requests to the method page, and each worker's resident memory before and after;
and the cold start: from starting gunicorn to the first 200 on the home page.

    .venv/bin/python bench/http.py [--duration 10]        # needs wrk (apt-get install wrk)

The search API's rate limit is lifted for the run (SEARCH_RATE_LIMIT), or wrk would measure 429s.
"""

import sys
from pathlib import Path

# This file is named http.py, as the issue asks: its folder must not hide the standard library's
# `http` package (urllib imports it).
HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]

import argparse  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402

_spec = importlib.util.spec_from_file_location("http_bench", HERE / "http_bench.py")
http_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(http_bench)
free_port, wait_for, worker_rss_mb, wrk = (
    http_bench.free_port,
    http_bench.wait_for,
    http_bench.worker_rss_mb,
    http_bench.wrk,
)

ROOT = Path(__file__).resolve().parents[1]
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
# As `make serve` runs it (Makefile).
SERVE_OPTIONS = ["--worker-class", "gthread", "--threads", "4", "--timeout", "30"]
APP = "config.wsgi:application"


def start(page_cache):
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "PAGE_CACHE": "true" if page_cache else "false",
        "BASE_URL": f"http://127.0.0.1:{port}",
        "SEARCH_RATE_LIMIT": "1000000/m",
    }
    started = time.monotonic()
    server = subprocess.Popen(
        [GUNICORN, "--bind", f"127.0.0.1:{port}", "--workers", "2", *SERVE_OPTIONS, APP],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    html = wait_for(base + "/")
    return server, base, html, time.monotonic() - started


def urls(base, html):
    static = re.search(r'href="(/static/dkfds/css/dkfds\.min\.[0-9a-f]+\.css)"', html).group(1)

    def page(page_type, ref):
        found = json.loads(wait_for(f"{base}/api/v2/pages/?type={page_type}&limit=100"))
        item = next(i for i in found["items"] if i["ref"] == ref)
        return "/" + item["meta"]["html_url"].split("/", 3)[3]

    method, template = page("methods.MethodPage", "M08"), page("downloads.TemplatePage", "S4.2")
    return {
        "static": static,
        "home": "/",
        "method": method,
        "search_api": "/api/search/?q=kontakt&type=methods.MethodPage"
        "&target_group=isolerede-sindslidende",
        "template_pdf": template + "download/pdf/",
    }


def stop(server):
    server.terminate()
    server.wait(timeout=20)


def measure(page_cache, duration):
    server, base, html, cold = start(page_cache)
    try:
        paths = urls(base, html)
        result = {"cold_start_s": round(cold, 2)}
        for name, path in paths.items():
            wrk(base + path, 2, connections=4)  # warm-up: both workers, and the cache filled
            result[name] = wrk(base + path, duration, connections=16) | {"path": path}
        if page_cache:
            before = worker_rss_mb(server.pid)
            subprocess.run(
                ["wrk", "-t2", "-c16", "-d60s", base + paths["method"]],
                capture_output=True,
                check=True,
            )  # far more than 10,000 requests when cached; counted below
            result["memory"] = {"rss_mb_before": before, "rss_mb_after": worker_rss_mb(server.pid)}
        else:
            before = worker_rss_mb(server.pid)
            run_requests(base + paths["method"], 10_000)
            result["memory"] = {
                "rss_mb_before": before,
                "rss_mb_after_10000_uncached": worker_rss_mb(server.pid),
            }
    finally:
        stop(server)
    return result


def run_requests(url, count):
    """`count` requests with wrk's Lua-free way: a fixed duration long enough, then check."""
    done = 0
    while done < count:
        out = subprocess.run(
            ["wrk", "-t2", "-c16", "-d10s", url], capture_output=True, text=True, check=True
        ).stdout
        done += int(re.search(r"(\d+) requests in", out).group(1))
    return done


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per URL")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk mangler: apt-get install wrk")
    results = {
        "cached": measure(True, args.duration),
        "uncached": measure(False, args.duration),
        "machine": {"cores": os.cpu_count(), "wrk": "1 thread, 16 connections, loopback"},
    }
    static = results["cached"]["static"]["rps"]
    results["ratios"] = {
        f"{name}_cached_vs_static": round(results["cached"][name]["rps"] / static, 3)
        for name in ("home", "method", "template_pdf")
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
