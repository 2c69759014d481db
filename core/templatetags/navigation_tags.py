"""Navigation built from the page tree: main menu, breadcrumbs, language switcher, footer."""

from django import template
from django.utils import translation
from django.utils.translation import get_language_info

from wagtail.models import Locale, Site

from core.models import SiteSettings
from core.utils import request_memo

register = template.Library()


def _localized_root(request):
    """The site's home page in the active language, looked up once per request.

    The menu, the header link and the language switcher all need it; `Page.localized` queries
    the locale and the translation each time, so it is computed once per request and language.
    """

    def compute():
        site = Site.find_for_request(request)
        return site.root_page.localized if site is not None else None

    return request_memo(request, f"localized_root:{translation.get_language()}", compute)


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    root = _localized_root(request)
    current = context.get("page")
    items = []
    if root is not None:
        for item in root.get_children().live().public().in_menu():
            active = current is not None and (current.path.startswith(item.path))
            items.append({"title": item.title, "url": item.get_url(request), "active": active})
    return {"items": items}


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
    for locale in Locale.objects.exclude(language_code=current_language):
        url, exact = own_urls.get(locale.language_code), False
        if url is None:
            target = translations.get(locale.language_code)
            exact = target is not None and page is not None
            if target is None and site is not None:
                target = site.root_page.get_translation_or_none(locale)
                if target is not None and not target.live:
                    target = None
            if target is None:
                continue
            url = target.get_url(request)
        links.append(
            {
                "code": locale.language_code,
                "name": get_language_info(locale.language_code)["name_local"].capitalize(),
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
    site = Site.find_for_request(request)
    statement = None
    if site is not None:
        statement_page = SiteSettings.for_site(site).accessibility_statement
        if statement_page is not None:
            statement = statement_page.localized
    return {
        "accessibility_url": statement.get_url(request) if statement else None,
    }
