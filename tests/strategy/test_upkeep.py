"""Keeping content current: every library page has a review-due date, and the admin reports list
pages past it and links inside the library that lead nowhere."""

import datetime
from importlib import import_module

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from core.models import ReviewMixin
from strategy.governance import COMMUNICATORS, EDITORS
from strategy.upkeep import review_models
from tests.conftest import page_by_ref
from tests.strategy.test_feedback import csv_rows
from tests.strategy.test_governance import member

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("chef", "chef@example.invalid", "pw")
    client.force_login(user)
    return client


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_every_library_page_in_both_languages_has_a_review_due_date():
    pages = [p for model in review_models() for p in model.objects.all()]
    assert len(pages) > 250  # methods, legal pages, templates, knowledge, projects, courses …
    assert [p.title for p in pages if p.review_due is None] == []
    assert {m.__name__ for m in review_models()} >= {
        "MethodPage",
        "LegalPage",
        "TemplatePage",
        "GuidelinePage",
        "ProjectPage",
        "CoursePage",
        "GlossaryPage",
        "InformationStrategyPage",
    }


def test_due_date_follows_the_review_with_a_shorter_interval_for_law():
    method, law = page_by_ref("M08"), page_by_ref("SEL-99")
    assert method.review_due == method.last_reviewed + datetime.timedelta(days=365)
    assert law.review_due == law.last_reviewed + datetime.timedelta(days=182)
    # The translation carries its source's dates.
    assert page_by_ref("M08", "en").review_due == method.review_due


def test_recording_a_review_moves_the_due_date_and_an_explicit_date_is_kept():
    page = page_by_ref("M13")
    page.last_reviewed = TODAY
    publish(page)
    assert page.review_due == TODAY + datetime.timedelta(days=365)
    page.review_due = TODAY + datetime.timedelta(days=90)
    publish(page)
    assert page.review_due == TODAY + datetime.timedelta(days=90)


def test_an_overdue_page_tells_the_reader_to_check_it(client):
    page = page_by_ref("M13")
    assert "Næste gennemgang" in client.get(page.url).content.decode()
    page.last_reviewed = TODAY - datetime.timedelta(days=400)
    page.review_due = TODAY - datetime.timedelta(days=35)
    publish(page)
    html = client.get(page.url).content.decode()
    assert "skulle have været gennemgået" in html
    assert "Næste gennemgang" not in html


def test_review_report_lists_overdue_and_soon_due_pages_most_overdue_first(admin_client):
    late, soon, later = page_by_ref("M13"), page_by_ref("SEL-99"), page_by_ref("S3.1")
    for page, days in ((late, -35), (soon, 10), (later, 90)):
        page.last_reviewed = TODAY - datetime.timedelta(days=400)
        page.review_due = TODAY + datetime.timedelta(days=days)
        publish(page)
    html = admin_client.get("/admin/reports/review-due/").content.decode()
    assert "Sider, der skal gennemgås" in html
    assert late.title in html and soon.title in html
    assert later.title not in html
    assert html.index(late.title) < html.index(soon.title)
    assert "Forfalden for 35 dage" in html and "Forfalder om 10 dage" in html
    assert f"/admin/pages/{late.pk}/edit/" in html

    rows = csv_rows(admin_client.get("/admin/reports/review-due/?export=csv"))
    assert [row["Side"] for row in rows[:2]] == [late.title, soon.title]


def test_review_report_shows_only_pages_the_user_may_edit(client):
    method = page_by_ref("M13")
    method.review_due = TODAY - datetime.timedelta(days=1)
    publish(method)
    client.force_login(member(COMMUNICATORS))
    assert method.title not in client.get("/admin/reports/review-due/").content.decode()
    client.force_login(member(EDITORS))
    assert method.title in client.get("/admin/reports/review-due/").content.decode()


def test_broken_links_report_finds_deleted_unpublished_and_private_targets(admin_client):
    source = page_by_ref("M13")
    gone, draft, private = page_by_ref("T04"), page_by_ref("P05"), page_by_ref("S5.1")
    source.dilemmas = (
        f'<p><a linktype="page" id="{gone.pk}">gone</a> '
        f'<a linktype="page" id="{draft.pk}">draft</a> '
        f'<a linktype="page" id="{private.pk}">private</a> '
        f'<a linktype="page" id="{page_by_ref("M08").pk}">fine</a></p>'
    )
    publish(source)
    assert "Alle links" in admin_client.get("/admin/reports/broken-links/").content.decode()

    gone_pk = gone.pk
    gone.get_translations().delete()
    gone.delete()
    draft.unpublish()
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    html = admin_client.get("/admin/reports/broken-links/").content.decode()
    assert source.title in html
    assert f"id {gone_pk}" in html and "Siden findes ikke længere" in html
    assert draft.title in html and "Siden er ikke udgivet" in html
    assert private.title in html and "Siden er privat" in html
    assert page_by_ref("M08").title not in html


def test_reports_are_in_the_reports_menu_and_closed_to_users_without_page_rights(client):
    user = get_user_model().objects.create_user("ude", "ude@example.invalid", "pw")
    client.force_login(user)
    for url in ("/admin/reports/review-due/", "/admin/reports/broken-links/"):
        assert client.get(url).status_code in (302, 403)
    client.force_login(member(EDITORS))
    menu = client.get("/admin/").content.decode()
    assert "/admin/reports/review-due/" in menu and "/admin/reports/broken-links/" in menu


def test_review_dates_are_on_library_pages_only():
    assert not isinstance(page_by_ref("HOME"), ReviewMixin)
    assert not isinstance(page_by_ref("NYHED-001"), ReviewMixin)
    assert isinstance(page_by_ref("KURSUS-KONTAKT"), ReviewMixin)


def test_the_migration_gives_pages_from_before_review_dates_a_due_date():
    from django.apps import apps

    from legal.models import LegalPage
    from methods.models import MethodPage

    fill = import_module("strategy.migrations.0006_fill_review_due").fill_review_due
    method, law = page_by_ref("M08"), page_by_ref("SEL-99")
    MethodPage.objects.filter(pk=method.pk).update(review_due=None)
    LegalPage.objects.filter(pk=law.pk).update(review_due=None, last_reviewed=None)
    fill(apps, None)
    method.refresh_from_db()
    law.refresh_from_db()
    assert method.review_due == method.last_reviewed + datetime.timedelta(days=365)
    assert law.review_due == TODAY + datetime.timedelta(days=182)
