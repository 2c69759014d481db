"""Admin reports for keeping the library current: pages due for review, links that lead nowhere,
and what readers answered to "Var siden nyttig?". Each report lists only the pages the user may
edit (feedback: users with the view permission for it) and exports to CSV and Excel."""

from django.db.models import Count, Max, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import page_permission_policy

from strategy.models import PageFeedback
from strategy.upkeep import DUE_SOON_DAYS, broken_links, pages_due_for_review

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def _page_type(page):
    return page.content_type.model_class()._meta.verbose_name.capitalize()


class ColumnsReport(ReportView):
    """A report that exports what its columns show, under the columns' labels."""

    @property
    def list_export(self):
        return [column.name for column in self.columns]

    @property
    def export_headings(self):
        return {column.name: column.label for column in self.columns}

    def preprocess_field_value(self, field, value, export_format):
        """A cell a reader typed (a comment) that starts like a formula is written as text:
        spreadsheets would run `=HYPERLINK(…)` from a CSV, and openpyxl writes it as a formula."""
        value = super().preprocess_field_value(field, value, export_format)
        if isinstance(value, str) and value.startswith(FORMULA_START):
            return "'" + value
        return value

    def to_row_dict(self, item):
        row = {}
        for column in self.columns:
            value = column.get_value(item)
            row[column.name] = str(value) if isinstance(value, Promise) else value
        return row


def page_title_column():
    return TitleColumn(
        "title",
        label=_("Page"),
        accessor=lambda row: row.page.title,
        get_url=lambda row: _edit_url(row.page),
    )


class EditablePagesReport(ColumnsReport):
    permission_policy = page_permission_policy
    any_permission_required = ["change", "publish"]

    def editable_pages(self):
        return page_permission_policy.instances_user_has_permission_for(self.request.user, "change")


class ReviewDueView(EditablePagesReport):
    page_title = _("Pages due for review")
    header_icon = "time"
    no_results_message = _("No page is due for review.")
    index_url_name = "review_due_report"
    index_results_url_name = "review_due_report_results"
    columns = [
        page_title_column(),
        Column("type", label=_("Type"), accessor=lambda row: _page_type(row.page)),
        Column("language", label=_("Language"), accessor=lambda row: row.page.locale.language_code),
        DateColumn("last_reviewed", label=_("Last reviewed")),
        DateColumn("review_due", label=_("Review due")),
        Column("status", label=_("Status")),
    ]

    def get_page_subtitle(self):
        return _("Past their review date or due within %(days)d days") % {"days": DUE_SOON_DAYS}

    def get_filename(self):
        return "sider-der-skal-gennemgaas"

    def get_queryset(self):
        return pages_due_for_review(self.editable_pages())


class BrokenLinksView(EditablePagesReport):
    page_title = _("Links that lead nowhere")
    page_subtitle = _("Links on published pages to pages, documents or images readers cannot open")
    header_icon = "link"
    no_results_message = _("Every link on the published pages works.")
    index_url_name = "broken_links_report"
    index_results_url_name = "broken_links_report_results"
    columns = [
        page_title_column(),
        Column("field", label=_("Where on the page")),
        Column("target", label=_("Link to")),
        Column("problem", label=_("Problem")),
    ]

    def get_filename(self):
        return "links-der-ikke-virker"

    def get_queryset(self):
        return broken_links(self.editable_pages())


class FeedbackPermission:
    permission_policy = ModelPermissionPolicy(PageFeedback)
    any_permission_required = ["view"]


class FeedbackReportView(FeedbackPermission, ColumnsReport):
    page_title = _("Was the page useful?")
    page_subtitle = _("Readers' answers per page")
    header_icon = "comment"
    no_results_message = _("No reader has answered yet.")
    index_url_name = "feedback_report"
    index_results_url_name = "feedback_report_results"
    columns = [
        TitleColumn(
            "title",
            label=_("Page"),
            accessor=lambda row: row["title"],
            get_url=lambda row: reverse("feedback_page_report", args=[row["page"]]),
        ),
        *(
            Column(name, label=label, accessor=lambda row, name=name: row[name])
            for name, label in (
                ("language", _("Language")),
                ("yes", _("Yes")),
                ("no", _("No")),
                ("comments", _("Comments")),
            )
        ),
        DateColumn("latest", label=_("Latest answer"), accessor=lambda row: row["latest"]),
    ]

    def get_filename(self):
        return "var-siden-nyttig"

    def get_queryset(self):
        return (
            PageFeedback.objects.values("page")
            .annotate(
                title=Max("page__title"),
                language=Max("page__locale__language_code"),
                yes=Count("id", filter=Q(useful=True)),
                no=Count("id", filter=Q(useful=False)),
                comments=Count("id", filter=~Q(comment="")),
                latest=Max("date"),
            )
            .order_by("-latest", "title")
        )


class PageFeedbackView(FeedbackPermission, ColumnsReport):
    """Every answer about one page, newest first."""

    header_icon = "comment"
    no_results_message = _("No reader has answered yet.")
    index_url_name = "feedback_page_report"
    index_results_url_name = "feedback_page_report_results"
    columns = [
        DateColumn("date", label=_("Date")),
        Column("answer", label=_("Useful"), accessor=lambda row: _answer(row)),
        Column("comment", label=_("Comment")),
    ]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.page = get_object_or_404(Page, pk=kwargs["page_id"])

    @property
    def page_title(self):
        return _("Was the page useful? %(title)s") % {"title": self.page.title}

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.page.pk])

    def get_index_results_url(self):
        return reverse(self.index_results_url_name, args=[self.page.pk])

    def get_filename(self):
        return f"var-siden-nyttig-{self.page.pk}"

    def get_queryset(self):
        return PageFeedback.objects.filter(page=self.page)


def _answer(feedback):
    return _("Yes") if feedback.useful else _("No")
