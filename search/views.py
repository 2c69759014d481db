"""The search page (/soeg/), the search API (/api/search/) and autocomplete for the search box."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from core.utils import mask_personal_data, rate_limited
from search import service
from search.analysis import normalize
from search.models import SearchQuery

LANGUAGES = {code for code, _name in settings.LANGUAGES}


def _log(request: service.SearchRequest, response: service.SearchResponse):
    """What was searched and how many hits: no IP address, user or session is stored."""
    if request.query and request.page == 1:
        SearchQuery.objects.create(
            query=mask_personal_data(request.query)[:200],
            normalized=mask_personal_data(normalize(request.query))[:200],
            language=request.language,
            filters=request.filters_text()[:300],
            hits=response.count,
        )


@require_GET
def search_page(http_request):
    if rate_limited(http_request, "search-page", settings.SEARCH_PAGE_RATE_LIMIT):
        return render(
            http_request,
            "search/search_page.html",
            {"error": _("Too many searches in a short time. Wait a minute and try again.")},
            status=429,
        )
    language = translation.get_language()
    if language not in LANGUAGES:
        language = settings.LANGUAGE_CODE
    context = {
        "alternate_urls": {
            code: _localized_search_url(code, http_request.GET.urlencode())
            for code in LANGUAGES
            if code != language
        },
        "facet_titles": {name: service.facet_title(name) for name in service.FACETS},
    }
    try:
        search_request = service.parse(http_request.GET, language)
    except service.SearchInputError as error:
        context["error"] = str(error)
        context["query"] = http_request.GET.get("q", "")[:200]
        return render(http_request, "search/search_page.html", context, status=400)
    response = service.search(search_request, http_request=http_request)
    _log(search_request, response)
    context.update(
        {
            "query": search_request.query,
            "search": response,
            "selected": search_request.selected,
            "page_links": _page_links(http_request, response),
            "result_count": ngettext("%(counter)s result", "%(counter)s results", response.count)
            % {"counter": response.count},
        }
    )
    return render(http_request, "search/search_page.html", context)


def _localized_search_url(language, querystring):
    with translation.override(language):
        url = reverse("search")
    return f"{url}?{querystring}" if querystring else url


def _page_links(http_request, response):
    def url(number):
        params = http_request.GET.copy()
        params["page"] = number
        return "?" + params.urlencode()

    page = response.request.page
    return {
        "previous": url(page - 1) if page > 1 else None,
        "next": url(page + 1) if page < response.pages else None,
        "page": page,
        "pages": response.pages,
        "first": (page - 1) * service.PAGE_SIZE + 1,
    }


def _api_language(http_request):
    language = http_request.GET.get("lang", settings.LANGUAGE_CODE)
    return language if language in LANGUAGES else None


def _error(message, status):
    return JsonResponse(
        {"error": message}, status=status, json_dumps_params={"ensure_ascii": False}
    )


@require_GET
def search_api(http_request):
    language = _api_language(http_request)
    with translation.override(language or settings.LANGUAGE_CODE):
        if rate_limited(http_request, "search-api", settings.SEARCH_RATE_LIMIT):
            return _error(_("Too many searches in a short time. Wait a minute and try again."), 429)
        if language is None:
            return _error(_("The language must be da or en."), 400)
        try:
            search_request = service.parse(http_request.GET, language)
        except service.SearchInputError as error:
            return _error(str(error), 400)
        response = service.search(search_request, http_request=http_request)
        _log(search_request, response)
        return JsonResponse(response.as_json(), json_dumps_params={"ensure_ascii": False})


@require_GET
def autocomplete_api(http_request):
    language = _api_language(http_request) or settings.LANGUAGE_CODE
    with translation.override(language):
        if rate_limited(http_request, "search-autocomplete", settings.AUTOCOMPLETE_RATE_LIMIT):
            return _error(_("Too many searches in a short time. Wait a minute and try again."), 429)
        suggestions = service.autocomplete(http_request.GET.get("q", "")[:200], language)
        return JsonResponse({"suggestions": suggestions}, json_dumps_params={"ensure_ascii": False})
