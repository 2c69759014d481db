"""What every page shows of the rest of the library, kept in each server process between changes.

A method page lists its legal basis, techniques, principles, templates, courses and related pages
(each with its title, address and summary), its terms in the reader's language and its
translations; every page has the main menu, breadcrumbs and footer. Looked up page by page, that
was about 40 queries and most of the time of an uncached page. Here each is built once from whole
tables (every live page's title, address and summary; every link of one kind; every term) and
shared by all the pages the process renders, until the content stamp (core.models.ContentStamp)
changes: one small query per request. The stamp gets a new random token in the handlers that
also clear the page cache (core/pagecache.py), so nothing a page shows outlives the change.

A preview shows the draft's own links and terms, not the published ones: callers check `live_view`
and compute from the page itself when it is false.
"""

import uuid
from collections import defaultdict

from core.utils import request_memo

_values: dict = {}
STAMP = "content_stamp"  # the stamp's key in the request's memo


def current_stamp():
    from django.db import connection

    # Written out: read on every request, and building the ORM's query took longer than the query.
    with connection.cursor() as cursor:
        cursor.execute("SELECT token FROM core_contentstamp WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else ""


def new_stamp():
    """Something pages show of each other changed: every process rebuilds what it keeps."""
    from core.models import ContentStamp

    ContentStamp.objects.update_or_create(pk=1, defaults={"token": uuid.uuid4().hex})


def shared(request, key, compute):
    """`compute()`, kept in this process until the content stamp changes. The stamp is read once
    per request; `key` names what is kept (with its language, where it has one)."""
    return stamped(request_memo(request, STAMP, current_stamp), key, compute)


def stamped(stamp, key, compute):
    cached = _values.get(key)
    if cached is None or cached[0] != stamp:
        cached = (stamp, compute())
        _values[key] = cached
    return cached[1]


def live_view(request, page):
    """Whether `page` is served as published (not a preview of a draft), so what the database
    holds for it is what it shows."""
    return request is not None and not getattr(request, "is_preview", False) and page.live


CARD_FIELDS = ["title", "url_path", "summary", "ref", "locale", "translation_key", "path", "live"]


def live_pages(request, locale_id):
    """Every live page of the library in one language, by translation key: specific, with the
    fields a listing shows (title, address, summary, ref)."""

    def compute():
        from core.models import BasePage

        locale = locales(request)[locale_id]
        found = {}
        for model in _concrete(BasePage):
            for page in model.objects.live().filter(locale=locale).only(*CARD_FIELDS):
                page.locale = locale  # the language switcher asks each page for its language
                page._url_parts = {}  # its address, once per language (BasePage.get_url_parts)
                found[page.translation_key] = page
        return found

    return shared(request, f"live_pages:{locale_id}", compute)


def localized(request, keys, locale_id):
    """The live, public pages with these translation keys in one language, in the order given:
    what one page lists of others (a page behind a password or a login is not named to readers
    who cannot open it)."""
    pages = live_pages(request, locale_id)
    restricted, _ = _view_restrictions(request)
    return [
        pages[key]
        for key in dict.fromkeys(keys)
        if key in pages and not pages[key].path.startswith(restricted)
    ]


def locales(request):
    """Every language of the site: {locale id: Locale}, in the order of their codes."""

    def compute():
        from wagtail.models import Locale

        return {locale.pk: locale for locale in Locale.objects.order_by("language_code")}

    return shared(request, "locales", compute)


def locale_ids(request):
    """Every language of the site, as {language code: locale id}."""

    def compute():
        return {locale.language_code: pk for pk, locale in locales(request).items()}

    return shared(request, "locale_ids", compute)


def addresses(request):
    """Every page, live or not: ({url path: page id}, {page id: (url path, content type id,
    translation key)}), for routing and for the pages the site names by id."""

    def compute():
        from wagtail.models import Page

        rows = Page.objects.values_list("pk", "url_path", "content_type_id", "translation_key")
        return (
            {url_path: pk for pk, url_path, _, _ in rows},
            {pk: (url_path, content_type, key) for pk, url_path, content_type, key in rows},
        )

    return shared(request, "addresses", compute)


def site(request):
    """Wagtail's `Site.find_for_request`, from the sites kept until the content changes (a Site
    saved or deleted gives a new stamp): Wagtail asks the database on every request."""
    from wagtail.models import Site

    found = shared(request, "sites", dict)
    key = (request._get_raw_host(), request.get_port())
    if key not in found:
        if len(found) >= 64:  # a host name for each Site, and ALLOWED_HOSTS holds the rest out
            found.clear()
        found[key] = Site._find_for_request(request)
    return found[key]


def unrestricted(request, page):
    """Whether no view restriction (a password, a login, groups) applies to `page`: none is on
    the page or its ancestors, and the site has no aliases (whose restrictions are their
    source's). Wagtail's `get_view_restrictions` would then find none, in two queries."""

    restricted, aliases = _view_restrictions(request)
    return not aliases and not page.path.startswith(restricted)


def _view_restrictions(request):
    """(the tree paths of the pages with a view restriction, whether the site has aliases)."""

    def compute():
        from wagtail.models import Page, PageViewRestriction

        restricted = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
        return restricted, Page.objects.filter(alias_of__isnull=False).exists()

    return shared(request, "view_restrictions", compute)


def key_of(request, page_id):
    """A page's translation key, by its id."""
    entry = addresses(request)[1].get(page_id)
    return entry[2] if entry is not None else None


def live_translation(request, page_id):
    """The live version of a page in the reader's language, or else in another language; None
    when it is live in none (the site's root, its accessibility statement)."""
    key = key_of(request, page_id)
    if key is None:
        return None
    for locale_id in dict.fromkeys([active_locale_id(request), *locale_ids(request).values()]):
        found = live_pages(request, locale_id).get(key)
        if found is not None:
            return found
    return None


def active_locale_id(request):
    """The locale of the language the page is shown in."""
    from django.utils import translation

    from wagtail.coreutils import get_supported_content_language_variant

    ids = locale_ids(request)
    try:
        code = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        code = None
    return ids.get(code) or next(iter(ids.values()), None)


def active_locale(request):
    return locales(request).get(active_locale_id(request))


def live_by_path(request):
    """Every live page of the library in every language, by its place in the page tree."""

    def compute():
        return {
            page.path: page
            for locale_id in locale_ids(request).values()
            for page in live_pages(request, locale_id).values()
        }

    return shared(request, "live_by_path", compute)


def translations(request, page):
    """The live versions of `page` in the other languages."""
    found = []
    for locale_id in locale_ids(request).values():
        if locale_id != page.locale_id:
            translation = live_pages(request, locale_id).get(page.translation_key)
            if translation is not None:
                found.append(translation)
    return found


def link_keys(request, link_model):
    """Every link of one kind (an Orderable with `page` and `target`), as {page id: [target's
    translation key, …]} in the links' order."""

    def compute():
        links = defaultdict(list)
        rows = link_model.objects.order_by("page_id", "sort_order", "pk").values_list(
            "page_id", "target__translation_key"
        )
        for page_id, key in rows:
            links[page_id].append(key)
        return dict(links)

    return shared(request, f"links:{link_model._meta.label}", compute)


def linking_keys(request, link_model):
    """The same links the other way: {target's translation key: {linking page's key, …}}."""

    def compute():
        linking = defaultdict(set)
        rows = link_model.objects.values_list("page__translation_key", "target__translation_key")
        for page_key, target_key in rows:
            linking[target_key].add(page_key)
        return dict(linking)

    return shared(request, f"linking:{link_model._meta.label}", compute)


def _concrete(base):
    from wagtail.models import get_page_models

    return [m for m in get_page_models() if issubclass(m, base) and not m._meta.abstract]


def methods_linking(request, page, link_model):
    """The live pages in `page`'s language whose links of `link_model` point to `page` (in any
    of its languages), in the order of the page tree: the methods resting on a provision, or
    using a technique."""
    keys = linking_keys(request, link_model).get(page.translation_key, ())
    return sorted(localized(request, keys, page.locale_id), key=lambda p: p.path)


def page_terms(request, page, names):
    """The page's terms in its language, for each of its taxonomy fields `names` that has any:
    {field name: [term, …]}, each field's terms in the vocabulary's order."""
    found = {}
    for name in names:
        field = page._meta.get_field(name)
        terms = _vocabulary(request, field.related_model)
        if field.many_to_many:
            ids = _term_ids(request, field).get(page.pk, [])
        else:
            ids = [getattr(page, field.attname)] if getattr(page, field.attname) else []
        linked = sorted(
            (terms["by_id"][i] for i in ids if i in terms["by_id"]),
            key=lambda t: (t.sort_order, t.name),
        )
        shown = [terms["localized"].get((t.translation_key, page.locale_id), t) for t in linked]
        if shown:
            found[name] = shown
    return found


def _vocabulary(request, model):
    """Every term of a vocabulary: {"by_id": {id: term}, "localized": {(translation key, locale
    id): term}}."""

    def compute():
        terms = list(model.objects.all())
        return {
            "by_id": {t.pk: t for t in terms},
            "localized": {(t.translation_key, t.locale_id): t for t in terms},
        }

    return shared(request, f"vocabulary:{model._meta.label}", compute)


def _term_ids(request, field):
    """A page type's many-to-many links to one vocabulary: {page id: [term id, …]}."""

    def compute():
        ids = defaultdict(list)
        through = field.remote_field.through
        rows = through.objects.values_list(field.m2m_field_name(), field.m2m_reverse_field_name())
        for page_id, term_id in rows:
            ids[page_id].append(term_id)
        return dict(ids)

    return shared(request, f"terms:{field.model._meta.label}.{field.name}", compute)
