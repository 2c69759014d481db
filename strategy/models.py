"""For communicators: the information strategy, with its activity plan as a timeline, iCalendar
and CSV; and the library's news, with RSS and Atom feeds that feed readers find on their own."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from core.models import ArticlePage, BasePage, IndexPage, SourcedPage
from core.utils import attachment
from strategy.blocks import ActivitiesBlock, AudiencesBlock, GoalsBlock, IndicatorsBlock
from taxonomy.models import TaxonomyMixin


class InformationStrategyPage(RoutablePageMixin, TaxonomyMixin, ArticlePage):
    """An information (communication) strategy: purpose and goals, the audiences with their
    messages and channels, an activity plan (a timeline, `plan/ics/` and `plan/csv/`) and the
    indicators that show whether it works. The introduction and body hold the background."""

    purpose = RichTextField(_("purpose"), blank=True, features=RICH_TEXT_FEATURES)
    goals = StreamField(GoalsBlock(), verbose_name=_("goals"), blank=True)
    audiences_plan = StreamField(AudiencesBlock(), verbose_name=_("audiences"), blank=True)
    activities = StreamField(ActivitiesBlock(), verbose_name=_("activity plan"), blank=True)
    indicators = StreamField(IndicatorsBlock(), verbose_name=_("indicators"), blank=True)

    parent_page_types = ["guidelines.GuidelineIndexPage"]
    subpage_types: list[str] = []
    template = "strategy/information_strategy_page.html"
    page_description = _(
        "An information strategy: audiences, messages, channels, an activity plan and indicators."
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("purpose"), FieldPanel("goals")], heading=_("Purpose and goals")
        ),
        FieldPanel("audiences_plan"),
        FieldPanel("activities"),
        FieldPanel("indicators"),
        FieldPanel("body"),
        *TaxonomyMixin.taxonomy_panels,
        *SourcedPage.source_panels,
    ]
    search_fields = [
        *ArticlePage.search_fields,
        *TaxonomyMixin.taxonomy_search_fields,
        index.SearchField("purpose"),
        index.SearchField("goals"),
        index.SearchField("audiences_plan"),
        index.SearchField("activities"),
        index.SearchField("indicators"),
    ]
    api_fields = [
        *ArticlePage.api_fields,
        APIField("purpose"),
        APIField("goals"),
        APIField("audiences_plan"),
        APIField("activities"),
        APIField("indicators"),
    ]
    override_translatable_fields = [
        *ArticlePage.override_translatable_fields,
        *TaxonomyMixin.taxonomy_synchronized_fields,
    ]

    class Meta:
        verbose_name = _("information strategy")
        verbose_name_plural = _("information strategies")

    def timeline(self):
        """The activities in order of their start."""
        return sorted(
            (block for block in self.activities),
            key=lambda block: (block.value["start"], block.value["end"] or block.value["start"]),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["timeline"] = self.timeline()
        return context

    def _file(self, content, content_type, extension):
        return attachment(content, content_type, f"{self.file_stem(60)}-aktivitetsplan.{extension}")

    @path("plan/ics/", name="plan_ics")
    def plan_ics(self, request):
        """The activity plan as iCalendar, for the communicators' calendars."""
        from strategy.exports import activity_calendar

        return self._file(activity_calendar(self, request), "text/calendar; charset=utf-8", "ics")

    @path("plan/csv/", name="plan_csv")
    def plan_csv(self, request):
        """The activity plan as CSV, for a spreadsheet."""
        from strategy.exports import activity_csv

        return self._file(activity_csv(self), "text/csv; charset=utf-8", "csv")


class NewsIndexPage(RoutablePageMixin, IndexPage):
    """The news, newest first, with its feeds at `rss/` and `atom/`."""

    subpage_types = ["strategy.NewsPage"]
    template = "strategy/news_index_page.html"
    page_description = _("The library's news, with RSS and Atom feeds.")

    class Meta:
        verbose_name = _("news index")

    home_heading = _("News")

    def home_pages(self, request=None):
        """The three newest items, on the home page."""
        return self.news_items(limit=3)

    def news_items(self, limit=None):
        news = NewsPage.objects.child_of(self).live().public()
        return list(news.order_by("-date", "-first_published_at")[:limit])

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


class PageFeedback(models.Model):
    """One answer to "Var siden nyttig?". Nothing that identifies the reader is stored: no IP
    address, user, session or time of day, and numbers and e-mail addresses in the comment are
    masked before it is saved (strategy/feedback.py)."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="feedback",
        verbose_name=_("page"),
    )
    useful = models.BooleanField(_("useful"))
    comment = models.TextField(_("comment"), blank=True, max_length=1000)
    date = models.DateField(_("date"), default=datetime.date.today, db_index=True)

    class Meta:
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")
        ordering = ["-date", "-id"]

    def __str__(self):
        return f"{self.page_id}: {'+' if self.useful else '-'}"


def useful_this_year() -> dict:
    """How often readers found each page useful in the last year, by translation key (all of a
    page's languages together): the home page's "Mest brugt" (core/home.py)."""
    since = datetime.date.today() - datetime.timedelta(days=365)
    rows = (
        PageFeedback.objects.filter(useful=True, date__gte=since)
        .values("page__translation_key")
        .annotate(count=models.Count("id"))
    )
    return {row["page__translation_key"]: row["count"] for row in rows}
