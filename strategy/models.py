"""News from the library for its users, with RSS and Atom feeds that feed readers find on their
own (the information strategy page joins this app next)."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.models import BasePage, IndexPage


class NewsIndexPage(RoutablePageMixin, IndexPage):
    """The news, newest first, with its feeds at `rss/` and `atom/`."""

    subpage_types = ["strategy.NewsPage"]
    template = "strategy/news_index_page.html"
    page_description = _("The library's news, with RSS and Atom feeds.")

    class Meta:
        verbose_name = _("news index")

    def news_items(self):
        return list(
            NewsPage.objects.child_of(self).live().public().order_by("-date", "-first_published_at")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news"] = self.news_items()
        return context

    @path("rss/", name="rss")
    def rss(self, request):
        from strategy.feeds import feed_response

        return feed_response(self, request, "rss")

    @path("atom/", name="atom")
    def atom(self, request):
        from strategy.feeds import feed_response

        return feed_response(self, request, "atom")


class NewsPage(BasePage):
    date = models.DateField(
        _("date"),
        default=datetime.date.today,
        help_text=_("The news item's date, shown on the page and in the feeds."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("content"), blank=True)

    parent_page_types = ["strategy.NewsIndexPage"]
    subpage_types: list[str] = []
    template = "strategy/news_page.html"
    page_description = _("A news item.")
    searchable = True

    content_panels = [*BasePage.content_panels, FieldPanel("date"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body"), index.FilterField("date")]
    api_fields = [*BasePage.api_fields, APIField("date"), APIField("body")]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news_index"] = self.get_parent().specific
        return context
