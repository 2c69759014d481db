"""Wagtail's page view, with the page found in one query.

Wagtail finds a page by walking the tree from the site's root: the root, its translation in the
reader's language, then each level's child by slug and its specific page, two queries a level
and about ten for a method page; the site and the page's view restrictions are three more. Here
the walk is done in the content snapshot (core/snapshot.py: every page's address and type, the
sites and the view restrictions, kept until the content changes), and only the page itself is
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
    if not hasattr(request, "_wagtail_site"):
        # Site.find_for_request takes the site from here (it caches it there itself).
        request._wagtail_site = snapshot.site(request)
    if not hasattr(request, "_wagtail_route_for_request"):
        # Wagtail's serve() takes the route from here (Page.route_for_request caches it there).
        request._wagtail_route_for_request = route(request, path)
    return wagtail_views.serve(request, path)


def _routes_itself(model):
    return model.route is not Page.route


def route(request, path):
    """Wagtail's `Page.route_for_request`: (page, args, kwargs), or None for a 404."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    ids_by_url_path, pages = snapshot.addresses(request)
    # The root in the reader's language when that is live (Wagtail's `Page.localized`).
    root = snapshot.live_translation(request, site.root_page_id)
    url_path = root.url_path if root is not None else pages.get(site.root_page_id, (None,))[0]
    if url_path is None:
        return None
    page_id = ids_by_url_path[url_path]
    components = [component for component in path.split("/") if component]
    consumed = 0
    for component in components:
        if _routes_itself(_model(pages[page_id])):
            break
        url_path += component + "/"
        page_id = ids_by_url_path.get(url_path)
        if page_id is None:
            return None
        consumed += 1
    page = _model(pages[page_id]).objects.filter(pk=page_id).first()
    if page is None:  # deleted since the snapshot was taken
        return None
    locale = snapshot.locales(request).get(page.locale_id)
    if locale is not None:  # else Wagtail reads it when it is asked for
        page.locale = locale
    # Wagtail's check of view restrictions asks BasePage.get_view_restrictions.
    page._unrestricted = snapshot.unrestricted(request, page)
    try:
        return page.route(request, components[consumed:])
    except Http404:
        return None


def _model(entry):
    """The page type of an entry of `snapshot.addresses`: (url path, content type id, key)."""
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_id(entry[1]).model_class() or Page
