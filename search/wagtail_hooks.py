from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.admin_views import NoResultSearchesView
from search.models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["terms", "language", "one_way"]
    list_filter = ["language", "one_way"]
    search_fields = ["terms", "note"]


register_snippet(SynonymGroupViewSet)


@hooks.register("register_admin_urls")
def search_report_urls():
    return [
        path(
            "reports/searches-without-results/",
            NoResultSearchesView.as_view(),
            name="search_no_results",
        ),
        path(
            "reports/searches-without-results/results/",
            NoResultSearchesView.as_view(results_only=True),
            name="search_no_results_results",
        ),
    ]


class NoResultSearchesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("library_search.view_searchquery") or request.user.has_perm(
            "library_search.change_searchquery"
        )


@hooks.register("register_reports_menu_item")
def register_no_result_searches():
    return NoResultSearchesMenuItem(
        _("Searches that found nothing"),
        reverse("search_no_results"),
        icon_name="search",
        order=700,
    )
