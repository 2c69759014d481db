"""The reports that keep the library current (strategy/reports.py), under Reports in the admin."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import page_permission_policy

from strategy import reports


def _report(route, view, name):
    return [
        path(f"reports/{route}", view.as_view(), name=name),
        path(f"reports/{route}results/", view.as_view(results_only=True), name=f"{name}_results"),
    ]


@hooks.register("register_admin_urls")
def upkeep_report_urls():
    return [
        *_report("review-due/", reports.ReviewDueView, "review_due_report"),
        *_report("broken-links/", reports.BrokenLinksView, "broken_links_report"),
        *_report("page-feedback/", reports.FeedbackReportView, "feedback_report"),
        *_report("page-feedback/<int:page_id>/", reports.PageFeedbackView, "feedback_page_report"),
    ]


class PageEditorMenuItem(MenuItem):
    def is_shown(self, request):
        return page_permission_policy.user_has_any_permission(request.user, ["change", "publish"])


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("strategy.view_pagefeedback")


@hooks.register("register_reports_menu_item")
def review_due_menu_item():
    return PageEditorMenuItem(
        _("Pages due for review"), reverse("review_due_report"), icon_name="time", order=710
    )


@hooks.register("register_reports_menu_item")
def broken_links_menu_item():
    return PageEditorMenuItem(
        _("Links that lead nowhere"), reverse("broken_links_report"), icon_name="link", order=720
    )


@hooks.register("register_reports_menu_item")
def feedback_menu_item():
    return FeedbackMenuItem(
        _("Was the page useful?"), reverse("feedback_report"), icon_name="comment", order=730
    )
