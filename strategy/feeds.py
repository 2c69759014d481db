"""The news as RSS 2.0 and Atom 1.0, built with Django's feed generator."""

from datetime import datetime, time

from django.http import HttpResponse
from django.utils import feedgenerator, timezone
from django.utils.translation import gettext as _

FEED_LENGTH = 20
FEED_CLASSES = {"rss": feedgenerator.Rss201rev2Feed, "atom": feedgenerator.Atom1Feed}


def _published(news):
    """When a news item is dated: its date at the time of day it was first published."""
    first = news.first_published_at or timezone.now()
    moment = datetime.combine(news.date, time(first.hour, first.minute), tzinfo=first.tzinfo)
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment


def feed_response(index, request, kind):
    items = index.news_items()[:FEED_LENGTH]
    language = index.locale.language_code
    feed = FEED_CLASSES[kind](
        title=f"{index.title} · Metodebiblioteket",
        link=index.get_full_url(request),
        description=index.summary or _("News from Metodebiblioteket"),
        language=language,
        feed_url=request.build_absolute_uri(),
        feed_guid=index.get_full_url(request),
    )
    for news in items:
        url = news.get_full_url(request)
        feed.add_item(
            title=news.title,
            link=url,
            description=news.summary,
            unique_id=url,
            unique_id_is_permalink=True,
            pubdate=_published(news),
            updateddate=news.last_published_at,
        )
    response = HttpResponse(content_type=f"{feed.content_type}")
    feed.write(response, "utf-8")
    return response
