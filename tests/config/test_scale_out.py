"""The settings that move the site onto several servers (docs/deploy.md), each switched on by its
environment variable in production settings; and the frontend-cache purge, sent to a real HTTP
server standing in for Varnish when a page is published."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

from django.test import override_settings

import pytest

from tests.config.test_settings import SECRET, run_manage
from tests.conftest import page_by_ref

SHOW = """
import json
from django.conf import settings
from django.core.files.storage import storages
default_storage = storages["default"]
print(json.dumps({
    "database": settings.DATABASES["default"]["ENGINE"],
    "caches": {n: [c["BACKEND"], str(c.get("LOCATION", ""))] for n, c in settings.CACHES.items()},
    "storage": type(default_storage).__module__ + "." + type(default_storage).__name__,
    "bucket": getattr(default_storage, "bucket_name", None),
    "endpoint": getattr(default_storage, "endpoint_url", None),
    "search": {n: c["BACKEND"] for n, c in settings.WAGTAILSEARCH_BACKENDS.items()},
    "frontend_cache": settings.WAGTAILFRONTENDCACHE,
}))
"""


def production_settings(**env):
    result = run_manage(
        "shell", "-c", SHOW, SECRET_KEY=SECRET, ALLOWED_HOSTS="metodebiblioteket.dk", **env
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_one_server_needs_no_other_service():
    shown = production_settings()
    assert shown["database"] == "django.db.backends.sqlite3"
    assert shown["caches"]["pages"][0].endswith("FileBasedCache")
    assert shown["caches"]["ratelimit"][0].endswith("LocMemCache")
    assert shown["storage"] == "django.core.files.storage.filesystem.FileSystemStorage"
    assert shown["frontend_cache"] == {}


def test_every_switch_for_several_servers():
    shown = production_settings(
        DATABASE_URL="postgres://bibliotek:hemmeligt@db.internal:5432/metodebiblioteket",
        REDIS_URL="redis://redis.internal:6379/0",
        SEARCH_BACKEND="opensearch",
        SEARCH_URL="https://search.internal:9200",
        S3_BUCKET="metodebiblioteket-media",
        S3_ENDPOINT_URL="https://s3.example.internal",
        FRONTEND_CACHE_URL="http://varnish.internal:6081",
    )
    assert shown["database"] == "django.db.backends.postgresql"
    assert shown["caches"]["ratelimit"] == [
        "django.core.cache.backends.redis.RedisCache",
        "redis://redis.internal:6379/0",
    ]
    # The page cache has a Redis database of its own: clearing it must not drop the limits.
    assert shown["caches"]["pages"] == [
        "django.core.cache.backends.redis.RedisCache",
        "redis://redis.internal:6379/1",
    ]
    assert shown["storage"] == "storages.backends.s3.S3Storage"
    assert shown["bucket"] == "metodebiblioteket-media"
    assert shown["endpoint"] == "https://s3.example.internal"
    assert "opensearch" in json.dumps(shown["search"]).lower()
    assert shown["frontend_cache"]["proxy"] == {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": "http://varnish.internal:6081",
    }


def test_cloudflare_is_a_switch_of_its_own():
    shown = production_settings(CLOUDFLARE_ZONE_ID="zone123", CLOUDFLARE_BEARER_TOKEN="token")
    assert shown["frontend_cache"]["cloudflare"]["ZONEID"] == "zone123"


@pytest.fixture
def purge_server():
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):
            received.append((self.headers["Host"], self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", received
    server.shutdown()


@pytest.mark.django_db
def test_publishing_a_page_purges_it_from_the_proxy(purge_server):
    location, received = purge_server
    proxy = {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": location}
    method = page_by_ref("M08")
    with override_settings(WAGTAILFRONTENDCACHE={"proxy": proxy}):
        method.summary = "Ændret: proxyen skal glemme den gamle side."
        method.save_revision().publish()
    assert any(path == method.url for _host, path in received), received
