"""Wagtail's page view, with the page found in one query.

Wagtail finds a page by walking the tree from the site's root: the root, its translation in the
reader's language, then each level's child by slug and its specific page, two queries a level
and about ten for a method page. Here the walk is done in the content snapshot (core/snapshot.py:
every page's address and type, kept until the content changes), and only the page itself is
read from the database. The result is handed to Wagtail's own view, which serves it exactly as
before: view restrictions, `before_serve_page` hooks, previews and the page's `serve()`.

A page type with its own routing (RoutablePageMixin: a news index's feeds, a course's handouts)
is asked, as Wagtail asks it, for everything below it.
"""

from django.http import Http404

from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from core import snapshot


def serve(request, path):
    if not hasattr(request, "_wagtail_route_for_request"):
        # Wagtail's serve() takes the route from here (Page.route_for_request caches it there).
        request._wagtail_route_for_request = route(request, path)
    return wagtail_views.serve(request, path)


def _routes(request):
    """{url path: (page id, content type id)} and {page id: url path} for every page."""

    def compute():
        rows = Page.objects.values_list("url_path", "pk", "content_type_id")
        return (
            {url_path: (pk, content_type) for url_path, pk, content_type in rows},
            {pk: url_path for url_path, pk, _ in rows},
        )

    return snapshot.shared(request, "routes", compute)


def _routes_itself(model):
    return model.route is not Page.route


def route(request, path):
    """Wagtail's `Page.route_for_request`: (page, args, kwargs), or None for a 404."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    by_url_path, url_paths = _routes(request)
    root_url_path = url_paths.get(site.root_page_id)
    if root_url_path is None:
        return None
    # The root in the reader's language when that is live (Wagtail's `Page.localized`).
    root_key = snapshot.translation_key_of(request, site.root_page_id)
    translated = snapshot.live_pages(request, snapshot.active_locale_id(request)).get(root_key)
    if translated is not None:
        root_url_path = translated.url_path
    current, url_path = by_url_path[root_url_path], root_url_path
    components = [component for component in path.split("/") if component]
    consumed = 0
    for component in components:
        if _routes_itself(_model(current)):
            break
        url_path += component + "/"
        current = by_url_path.get(url_path)
        if current is None:
            return None
        consumed += 1
    page = _model(current).objects.filter(pk=current[0]).first()
    if page is None:  # deleted since the snapshot was taken
        return None
    page.locale = snapshot.locales(request).get(page.locale_id, page.locale)
    try:
        return page.route(request, components[consumed:])
    except Http404:
        return None


def _model(entry):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_id(entry[1]).model_class() or Page
