"""The page cache (wagtail-cache, core/pagecache.py): anonymous pages come from the cache without a
database query, every change a page shows clears it, and what must never be cached is not.
The Redis tests use the real Redis at 127.0.0.1:6379."""

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import connection
from django.test import override_settings

import pytest
import redis

from taxonomy.models import Category
from tests.conftest import page_by_ref

pytestmark = pytest.mark.django_db

HEADER = "X-Wagtail-Cache"
LOCMEM = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages-test"}


def _caches(pages):
    return {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "ratelimit": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": pages,
    }


@pytest.fixture
def page_cache():
    with override_settings(WAGTAIL_CACHE=True, CACHES=_caches(LOCMEM)):
        caches["pages"].clear()
        yield caches["pages"]
        caches["pages"].clear()


def publish(page):
    page.save_revision().publish()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """The cache is emptied when a change commits; each test runs in a transaction rolled back
    at its end, so its changes "commit" where they are wrapped in this (tests/core/
    test_publish_commit.py shows the real commit)."""
    return django_capture_on_commit_callbacks


def test_a_page_is_served_from_the_cache_without_a_query(
    client, page_cache, django_assert_num_queries
):
    url = page_by_ref("M08").url
    first = client.get(url)
    assert first[HEADER] == "miss"
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second[HEADER] == "hit"
    assert second.content == first.content
    # The browser asks again each time instead of keeping the page for the cache's lifetime.
    assert second["Cache-Control"] == "no-cache"
    assert "Expires" not in second


def test_publishing_a_method_changes_its_page_and_the_pages_that_show_its_summary(
    client, page_cache, committed
):
    method = page_by_ref("M08")
    index_url = method.get_parent().url
    for url in (method.url, index_url):
        client.get(url)
        assert client.get(url)[HEADER] == "hit"
    method.summary = "Et nyt resumé, som listen over metoder også viser."
    with committed(execute=True):
        publish(method)
    for url in (method.url, index_url):
        response = client.get(url)
        assert response[HEADER] == "miss"
        assert "Et nyt resumé, som listen over metoder også viser." in response.content.decode()


def test_a_new_page_in_the_menu_reaches_every_cached_page(client, page_cache, committed):
    from core.models import StandardPage

    home = page_by_ref("HOME")
    client.get(page_by_ref("M13").url)
    page = StandardPage(title="Nyt afsnit i menuen", slug="nyt-afsnit", ref="TEST-MENU")
    page.show_in_menus = True
    with committed(execute=True):
        home.add_child(instance=page)
        publish(page)
    assert "Nyt afsnit i menuen" in client.get(page_by_ref("M13").url).content.decode()


def test_unpublishing_moving_and_deleting_clear_the_cache(client, page_cache, committed):
    method, technique, other = page_by_ref("M13"), page_by_ref("T04"), page_by_ref("P05")
    for page in (method, technique, other):
        client.get(page.url)
    url = method.url
    with committed(execute=True):
        method.unpublish()
    assert client.get(url).status_code == 404

    old_url = technique.url
    with committed(execute=True):
        technique.move(page_by_ref("SITE-VIDEN"), pos="last-child")
    moved = client.get(old_url)  # Wagtail leaves a redirect to the new place
    assert (moved.status_code, moved["Location"]) == (301, page_by_ref("T04").url)

    other_url = other.url
    with committed(execute=True):
        other.delete()
    assert client.get(other_url).status_code == 404


def test_renaming_a_vocabulary_term_reaches_the_pages_that_show_it(client, page_cache, committed):
    method = page_by_ref("M08")
    client.get(method.url)
    term = Category.objects.get(
        translation_key=method.category.translation_key, locale=method.locale
    )
    term.name = "Et omdøbt kategorinavn"
    with committed(execute=True):
        term.save()
    response = client.get(method.url)
    assert response[HEADER] == "miss"
    assert "Et omdøbt kategorinavn" in response.content.decode()


def test_what_must_not_be_cached_is_not(client, page_cache):
    assert client.get("/soeg/?q=skp")[HEADER] == "skip"
    assert client.get("/en/soeg/?q=skp")[HEADER] == "skip"
    assert client.get("/api/search/?q=skp")[HEADER] == "skip"
    assert client.get("/healthz")[HEADER] == "skip"
    assert client.get("/admin/login/")[HEADER] == "skip"
    # A form with a CSRF token sets its cookie: never cached, never replayed to someone else.
    fill_url = page_by_ref("S4.2").url + "udfyld/"
    for _ in range(2):
        fill = client.get(fill_url)
        assert fill.status_code == 200
        assert fill[HEADER] == "skip"
        assert "csrftoken" in fill.cookies
        client.cookies.clear()


def test_made_up_addresses_and_query_strings_do_not_fill_the_cache(client, page_cache):
    """Random URLs cannot push the real pages out: a 404 and a page with a query string are
    rendered each time, and only the plain page is kept."""
    url = page_by_ref("M08").url
    for i in range(3):
        assert client.get(f"/findes-ikke-{i}/")[HEADER] == "skip"
        assert client.get(url, {"x": str(i)})[HEADER] == "skip"
    assert client.get(url)[HEADER] == "miss"
    assert client.get(url)[HEADER] == "hit"


def test_a_signed_in_user_never_gets_or_fills_the_cache(client, page_cache):
    url = page_by_ref("M08").url
    user = get_user_model().objects.create_superuser("chef", "chef@example.invalid", "pw")
    client.force_login(user)
    assert client.get(url)[HEADER] == "skip"
    assert client.get("/admin/")[HEADER] == "skip"
    client.logout()
    assert client.get(url)[HEADER] == "miss"


def test_a_preview_is_not_cached(client, page_cache):
    page = page_by_ref("M08")
    user = get_user_model().objects.create_superuser("chef", "chef@example.invalid", "pw")
    client.force_login(user)
    response = client.get(f"/admin/pages/{page.pk}/view_draft/")
    assert response.status_code == 200
    assert response[HEADER] == "skip"


@pytest.fixture
def redis_page_cache():
    # Each database engine's run has its own Redis database: CI runs both at the same time.
    database = 14 if connection.vendor == "sqlite" else 15
    location = f"redis://127.0.0.1:6379/{database}"
    pages = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": location}
    with override_settings(WAGTAIL_CACHE=True, CACHES=_caches(pages)):
        server = redis.Redis.from_url(location)
        server.flushdb()
        yield server
        server.flushdb()


def test_the_cache_lives_in_redis_and_publishing_empties_it(client, redis_page_cache, committed):
    method = page_by_ref("M08")
    assert client.get(method.url)[HEADER] == "miss"
    assert redis_page_cache.dbsize() > 0
    assert client.get(method.url)[HEADER] == "hit"
    method.summary = "Ændret, mens siden lå i Redis."
    with committed(execute=True):
        publish(method)
    assert redis_page_cache.dbsize() == 0
    response = client.get(method.url)
    assert response[HEADER] == "miss"
    assert "Ændret, mens siden lå i Redis." in response.content.decode()
