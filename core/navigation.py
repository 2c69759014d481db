"""Navigation built from the page tree: main menu, breadcrumbs, language switcher, footer.

Each takes the template's context and returns what its template shows (config/jinja2.py)."""

from django.utils import translation
from django.utils.translation import get_language_info

from wagtail.models import Page, Site

from core import snapshot
from core.models import SiteSettings


def _localized_root(request):
    """The site's home page in the active language."""
    site = Site.find_for_request(request)
    return snapshot.live_translation(request, site.root_page_id) if site is not None else None


def main_menu(context):
    request = context["request"]
    root = _localized_root(request)
    current = context.get("page")
    if root is None:
        return {"items": []}

    def compute():
        children = Page.objects.get(pk=root.pk).get_children().live().public().in_menu()
        return [(item.title, item.get_url(request), item.path) for item in children]

    items = snapshot.shared(request, f"main_menu:{root.pk}", compute)
    return {
        "items": [
            {
                "title": title,
                "url": url,
                "active": current is not None and current.path.startswith(path),
            }
            for title, url, path in items
        ]
    }


def localized_home_url(context):
    root = _localized_root(context["request"])
    return root.get_url(context["request"]) if root is not None else "/"


def breadcrumbs(context):
    request = context["request"]
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"crumbs": []}
    if snapshot.live_view(request, page):
        by_path = snapshot.live_by_path(request)
        paths = [page.path[:i] for i in range(8, len(page.path), Page.steplen)]
        ancestors = [by_path[path] for path in paths if path in by_path]
    else:
        ancestors = page.get_ancestors().filter(depth__gt=1).live()
    crumbs = [{"title": a.title, "url": a.get_url(request)} for a in ancestors]
    crumbs.append({"title": page.title, "url": None})
    return {"crumbs": crumbs}


def _alternate_links(context):
    """One entry per other language: the translated page if live, else that language's home."""
    request = context["request"]
    page = context.get("page")
    current_language = translation.get_language()
    translations = {t.locale.language_code: t for t in context.get("translations") or []}
    site = Site.find_for_request(request)
    links = []
    # Views that are not pages (the search page) give their own address in each language.
    own_urls = context.get("alternate_urls") or {}
    for language_code, locale_id in snapshot.locale_ids(request).items():
        if language_code == current_language:
            continue
        url, exact = own_urls.get(language_code), False
        if url is None:
            target = translations.get(language_code)
            exact = target is not None and page is not None
            if target is None and site is not None:
                root_key = snapshot.key_of(request, site.root_page_id)
                target = snapshot.live_pages(request, locale_id).get(root_key)
            if target is None:
                continue
            url = target.get_url(request)
        links.append(
            {
                "code": language_code,
                "name": get_language_info(language_code)["name_local"].capitalize(),
                "url": url,
                "full_url": request.build_absolute_uri(url),
                "exact": exact,
            }
        )
    return links


def alternate_links(context):
    """Computed once per page in base.html and shared by the hreflang links and the switcher."""
    page = context.get("page")
    links = _alternate_links(context)
    hreflang = [link for link in links if link["exact"]]
    if hreflang:
        request = context["request"]
        own = {
            "code": page.locale.language_code,
            "full_url": request.build_absolute_uri(page.get_url(request)),
        }
        hreflang.insert(0, own)
    return {"switcher": links, "hreflang": hreflang}


def site_footer(context):
    request = context["request"]
    site = Site.find_for_request(request)
    statement = None
    if site is not None:

        def statements():
            return dict(SiteSettings.objects.values_list("site_id", "accessibility_statement_id"))

        statement_id = snapshot.shared(request, "accessibility_statements", statements).get(site.pk)
        statement = snapshot.live_translation(request, statement_id)
    return {"accessibility_url": statement.get_url(request) if statement else None}


def site_identity(context):
    """The publisher's name and logo from the site settings, for the header: {"publisher",
    "logo": {"url", "width", "height"} or None}; kept until the content changes."""
    request = context["request"]
    site = Site.find_for_request(request)

    def identities():
        found = {}
        for settings in SiteSettings.objects.select_related("logo"):
            logo = None
            if settings.logo is not None:
                rendition = settings.logo.get_rendition("height-96")
                logo = {"url": rendition.url, "width": rendition.width, "height": rendition.height}
            found[settings.site_id] = {"publisher": settings.publisher, "logo": logo}
        return found

    empty = {"publisher": "", "logo": None}
    if site is None:
        return empty
    return snapshot.shared(request, "site_identities", identities).get(site.pk, empty)
