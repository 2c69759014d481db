"""Admin report: searches that found nothing (search.SearchQuery holds no personal data)."""

from django.db.models import Count, Max
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from search.models import SearchQuery


class NoResultSearchesView(ReportView):
    page_title = _("Searches that found nothing")
    header_icon = "search"
    index_url_name = "search_no_results"
    index_results_url_name = "search_no_results_results"
    permission_policy = ModelPermissionPolicy(SearchQuery)
    any_permission_required = ["view", "change"]
    paginate_by = 50
    list_export = ["normalized", "language", "searches", "last_searched"]
    export_headings = {
        "normalized": _("Query"),
        "language": _("Language"),
        "searches": _("Searches"),
        "last_searched": _("Last searched"),
    }
    columns = [
        Column("normalized", label=_("Query"), accessor=lambda row: row["normalized"]),
        Column("language", label=_("Language"), accessor=lambda row: row["language"]),
        Column("searches", label=_("Searches"), accessor=lambda row: row["searches"]),
        DateColumn(
            "last_searched", label=_("Last searched"), accessor=lambda r: r["last_searched"]
        ),
    ]

    def get_filename(self):
        return "soegninger-uden-resultat"

    def get_queryset(self):
        return (
            SearchQuery.objects.filter(hits=0)
            .values("normalized", "language")
            .annotate(searches=Count("id"), last_searched=Max("searched_at"))
            .order_by("-searches", "-last_searched")
        )

    def to_row_dict(self, item):
        return item
