"""Navigation built from the page tree: main menu, breadcrumbs, language switcher, footer."""

from django import template
from django.utils import translation
from django.utils.translation import get_language_info

from wagtail.models import Page, Site

from core import snapshot
from core.models import SiteSettings
from core.utils import request_memo

register = template.Library()


def _site(request):
    return request_memo(request, "site", lambda: Site.find_for_request(request))


def _live_translation(request, key, locale_id):
    return snapshot.live_pages(request, locale_id).get(key)


def _localized(request, key):
    """A page the site names (its root, its accessibility statement) by translation key: live in
    the active language, or else in another language."""
    if key is None:
        return None
    found = _live_translation(request, key, snapshot.active_locale_id(request))
    for locale_id in snapshot.locale_ids(request).values():
        if found is not None:
            break
        found = _live_translation(request, key, locale_id)
    return found


def _site_pages(request):
    """{site id: (its root's translation key, its accessibility statement's translation key)}."""

    def compute():
        statements = dict(
            SiteSettings.objects.values_list("site_id", "accessibility_statement__translation_key")
        )
        return {
            site_id: (root_key, statements.get(site_id))
            for site_id, root_key in Site.objects.values_list("pk", "root_page__translation_key")
        }

    return snapshot.shared(request, "site_pages", compute)


def _localized_root(request):
    """The site's home page in the active language."""
    site = _site(request)
    if site is None:
        return None
    return _localized(request, _site_pages(request).get(site.pk, (None, None))[0])


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
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


@register.simple_tag(takes_context=True)
def localized_home_url(context):
    root = _localized_root(context["request"])
    return root.get_url(context["request"]) if root is not None else "/"


@register.inclusion_tag("navigation/breadcrumbs.html", takes_context=True)
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
    site = _site(request)
    root_key = _site_pages(request).get(site.pk, (None, None))[0] if site is not None else None
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
            if target is None and root_key is not None:
                target = _live_translation(request, root_key, locale_id)
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


@register.simple_tag(takes_context=True)
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


@register.inclusion_tag("navigation/footer.html", takes_context=True)
def site_footer(context):
    request = context["request"]
    site = _site(request)
    statement = None
    if site is not None:
        statement = _localized(request, _site_pages(request).get(site.pk, (None, None))[1])
    return {"accessibility_url": statement.get_url(request) if statement else None}
