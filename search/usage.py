"""What the searches say readers use: the pages the year's most frequent searches find first, for
the home page's "Mest brugt" (core/home.py). Only what the search log holds is used: the query as
typed, its language and whether it found anything; no reader is identified."""

from collections import Counter
from datetime import timedelta

from django.core.cache import cache
from django.db.models import Count
from django.utils import timezone

from search.models import SearchDocument, SearchQuery

QUERIES = 20  # the most frequent searches that count
KEPT = 60 * 60  # seconds the answer is kept: the log grows slowly, and this runs 20 searches


def searched_this_year() -> dict:
    """{translation_key: how many of the year's searches found the page first}."""
    return cache.get_or_set("search:searched-this-year", _compute, KEPT)


def _compute() -> dict:
    from search import service

    since = timezone.now() - timedelta(days=365)
    frequent = (
        SearchQuery.objects.filter(searched_at__gte=since, hits__gt=0, filters="")
        .values("normalized", "language")
        .annotate(count=Count("id"))
        .order_by("-count", "normalized")[:QUERIES]
    )
    first: Counter = Counter()
    for row in frequent:
        request = service.SearchRequest(query=row["normalized"], language=row["language"])
        results = service.search(request).results
        if results and not results[0].promoted:
            first[results[0].ref] += row["count"]
    keys = dict(
        SearchDocument.objects.filter(ref__in=first).values_list("ref", "page__translation_key")
    )
    return {keys[ref]: count for ref, count in first.items() if ref in keys}
