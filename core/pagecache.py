"""The page cache: wagtail-cache keeps anonymous GET and HEAD responses of the public site, so a
cached page is served without a database query.

What is never cached: anything for a signed-in user or a preview (wagtail-cache), the admin, the
search page and search API (every search is logged and rate-limited), the health check, and any
response that sets a cookie (a CSRF token, a session) or is marked private or no-cache. Forms that
carry a CSRF token set its cookie, so they are never cached either.

The whole cache is cleared when anything a page shows may have changed: a page is published,
unpublished, moved or deleted, or made as an alias (its menus, lists and the summaries other pages
show of it change too), or a vocabulary term, a glossary term, the site settings, a site, a
redirect, a document, an image, a language or a page's view restriction is saved or deleted. The
same handler gives the content a new stamp (core/snapshot.py). Clearing is one command to the cache
(a Redis FLUSHDB on the page cache's own database, or removing the cache directory), and the
library changes far more rarely than it is read.
"""

import re

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.cache import patch_cache_control

from wagtail import hooks
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from wagtailcache.cache import clear_cache

from core.snapshot import STAMP, current_stamp, new_stamp
from core.utils import request_memo

NEVER_CACHED = re.compile(r"^/(?:admin/|django-admin/|api/search/|healthz|(?:[a-z]{2}/)?soeg/)")
# Models outside the page tree whose changes pages show (and the vocabularies' terms).
SHOWN_ON_PAGES = [
    "guidelines.GlossaryTerm",
    "core.SiteSettings",
    "wagtailcore.Site",
    "wagtailredirects.Redirect",
    "wagtaildocs.Document",
    "wagtailimages.Image",
    "wagtailcore.Locale",
    "wagtailcore.PageViewRestriction",  # menus and course lists leave out restricted pages
]


def content_changed(**kwargs):
    """What pages show of each other may have changed: a new content stamp, so every process
    rebuilds what it keeps (core/snapshot.py), and an empty page cache.

    The stamp is written in the change's own transaction, so it becomes visible with the change.
    The cache is emptied once that transaction has committed: emptied before, a reader served in
    between (who still sees the old page) would put the old page back until the next change."""
    new_stamp()
    transaction.on_commit(clear_cache)


def alias_created(sender, instance, created, **kwargs):
    """A page made as an alias (a copy kept in step with its source) is live at once, but Wagtail
    sends no signal for it."""
    if created and isinstance(instance, Page) and instance.alias_of_id is not None:
        content_changed()


def connect_signals():
    from django.apps import apps

    from taxonomy.models import VOCABULARIES

    page_published.connect(content_changed, dispatch_uid="pagecache_published")
    # Deleting a live page unpublishes it first (Wagtail's pre_delete handler), so this covers
    # deletions too, once per live page.
    page_unpublished.connect(content_changed, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(content_changed, dispatch_uid="pagecache_moved")
    post_save.connect(alias_created, dispatch_uid="pagecache_alias")
    for model in [*VOCABULARIES.values(), *map(apps.get_model, SHOWN_ON_PAGES)]:
        label = model._meta.label
        post_save.connect(content_changed, sender=model, dispatch_uid=f"pagecache_save_{label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"pagecache_del_{label}")


@hooks.register("is_request_cacheable")
def request_cacheable(request, cacheable):
    if NEVER_CACHED.match(request.path):
        return False
    # A reader signed in to a password-protected page has a session: their pages are their own.
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    return cacheable


@hooks.register("is_response_cacheable")
def response_cacheable(response, cacheable):
    if response.cookies:  # replaying a Set-Cookie would hand one reader's cookie to all
        return False
    # Only pages: a 404 for every made-up address would push real pages out of the cache.
    if response.status_code not in (200, 301, 302):
        return False
    if getattr(response, "content_changed_meanwhile", False):
        return False
    return cacheable


@hooks.register("is_request_cacheable")
def query_cacheable(request, cacheable):
    """Pages with a query string are not kept: each made-up variant would be a copy of its own,
    and the site's pages read none but the index filters, which are cheap to render."""
    if request.META.get("QUERY_STRING"):
        return False
    return cacheable


class StampGuardMiddleware:
    """A page rendered while content changed is not kept. A reader who read the page before a
    publish committed, and stores it after the cache was emptied on commit, would otherwise put
    the old page back. The page's stamp (read when rendering began) is compared with the stamp
    as it is now; only pages the cache would keep pay for the second read. Goes right after
    wagtail-cache's FetchFromCacheMiddleware, so cache hits never reach it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        guarded = settings.WAGTAIL_CACHE and request.method in ("GET", "HEAD")
        if guarded:
            began = request_memo(request, STAMP, current_stamp)
        response = self.get_response(request)
        if guarded and response.status_code in (200, 301, 302) and current_stamp() != began:
            response.content_changed_meanwhile = True
        return response


class BrowserRevalidateMiddleware:
    """The page cache is cleared the moment content changes, but a browser that was told
    max-age=<timeout> (wagtail-cache sends the server's timeout) would keep showing the old
    page: pages the cache handled are sent with `Cache-Control: no-cache` instead, so the
    browser asks each time and gets the cached copy from the server. Goes first in MIDDLEWARE."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get(settings.WAGTAIL_CACHE_HEADER) in ("hit", "miss"):
            del response["Expires"]
            del response["Cache-Control"]
            patch_cache_control(response, no_cache=True)
        return response
