"""Requests per second, p50/p99 latency and worker memory of the production server.

Serves the site as `make run` does (production settings, DEBUG off, whitenoise, 2 workers) on a
free loopback port, warms it up, and loads `/` and one static file with wrk (1 thread, 8
connections). It does this for gunicorn (sync workers, what `make run` uses) and for granian,
so the choice of server rests on a measurement. Then it reads the resident memory of each worker.

    make bench            # or: .venv/bin/python bench/http_bench.py [--duration 10]
"""

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SERVERS = {
    "granian": lambda port: [
        str(BIN / "granian"),
        "--interface",
        "wsgi",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        "2",
        "--blocking-threads",
        "4",
        "config.wsgi:application",
    ],
    "gunicorn": lambda port: [
        str(BIN / "gunicorn"),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "config.wsgi:application",
    ],
}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read().decode()
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(url)


def to_ms(value):
    number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(url, duration, connections=8):
    out = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.MULTILINE))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": to_ms(latency["50"]),
        "p99_ms": to_ms(latency["99"]),
        "non_2xx": int(errors.group(1)) if errors else 0,
    }


def worker_rss_mb(pid):
    children = subprocess.run(
        ["pgrep", "-P", str(pid)], capture_output=True, text=True
    ).stdout.split()
    rss = []
    for child in children:
        status = Path(f"/proc/{child}/status").read_text()
        rss.append(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024)
    return sorted(round(r, 1) for r in rss)


def measure(name, duration):
    port = free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production"}
    server = subprocess.Popen(
        SERVERS[name](port),
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        html = wait_for(base + "/")
        static = re.search(r'href="(/static/dkfds/css/dkfds\.min\.[0-9a-f]+\.css)"', html).group(1)
        for path in ("/", static):
            wrk(base + path, 3)  # warm-up: every worker has rendered and cached its templates
        result = {
            "/": wrk(base + "/", duration),
            "static (" + static + ")": wrk(base + static, duration),
            "worker_rss_mb": worker_rss_mb(server.pid),
        }
    finally:
        server.terminate()
        server.wait(timeout=20)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per URL")
    parser.add_argument("--servers", nargs="+", default=list(SERVERS), choices=list(SERVERS))
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk (make bench does this)")
    results = {name: measure(name, args.duration) for name in args.servers}
    results["machine"] = {"cores": os.cpu_count(), "wrk": "1 thread, 8 connections, loopback"}
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
