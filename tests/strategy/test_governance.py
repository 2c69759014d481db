"""Who may change and publish what (the permission matrix), the approval workflows, and
scheduled publishing."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

import pytest

from courses.roles import TRAINERS_GROUP
from strategy.governance import (
    COMMUNICATION_REVIEW,
    COMMUNICATORS,
    EDITORS,
    PROFESSIONAL_REVIEW,
    REVIEWERS,
)
from tests.conftest import page_by_ref

pytestmark = pytest.mark.django_db

PAGES = ["M13", "SEL-99", "S4.2", "S3.1", "S5.1", "S6.1", "NYHED-001", "KURSUS-KONTAKT", "HOME"]

# group → {ref: (may edit, may publish)}; "HOME" stands for the rest of the site
MATRIX = {
    EDITORS: {
        "M13": (True, False),
        "SEL-99": (True, False),
        "S4.2": (True, False),
        "S3.1": (True, False),
        "S5.1": (True, False),
        "S6.1": (False, False),  # the communicators' page, though it sits in the knowledge section
        "NYHED-001": (False, False),
        "KURSUS-KONTAKT": (False, False),
        "HOME": (False, False),
    },
    REVIEWERS: {
        "M13": (True, True),
        "SEL-99": (True, True),
        "S4.2": (True, True),
        "S3.1": (True, True),
        "S5.1": (True, True),
        "S6.1": (False, False),
        "NYHED-001": (False, False),
        "KURSUS-KONTAKT": (False, False),
        "HOME": (False, False),
    },
    COMMUNICATORS: {
        "M13": (False, False),
        "SEL-99": (False, False),
        "S4.2": (False, False),
        "S3.1": (False, False),
        "S5.1": (False, False),
        "S6.1": (True, True),
        "NYHED-001": (True, True),
        "KURSUS-KONTAKT": (False, False),
        "HOME": (False, False),
    },
    TRAINERS_GROUP: {
        "M13": (False, False),
        "SEL-99": (False, False),
        "S4.2": (False, False),
        "S3.1": (False, False),
        "S5.1": (False, False),
        "S6.1": (False, False),
        "NYHED-001": (False, False),
        "KURSUS-KONTAKT": (True, True),
        "HOME": (False, False),
    },
}


def member(group_name, username=None):
    user = get_user_model().objects.create_user(username or group_name, "x@example.invalid", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_permission_matrix():
    found = {}
    for group_name in MATRIX:
        user = member(group_name)
        found[group_name] = {}
        for ref in PAGES:
            permissions = page_by_ref(ref).permissions_for_user(user)
            found[group_name][ref] = (permissions.can_edit(), permissions.can_publish())
    assert found == MATRIX


@pytest.mark.parametrize(
    ("ref", "workflow"),
    [
        ("M13", PROFESSIONAL_REVIEW),
        ("SEL-99", PROFESSIONAL_REVIEW),
        ("S4.2", PROFESSIONAL_REVIEW),
        ("S3.1", PROFESSIONAL_REVIEW),
        ("S6.1", COMMUNICATION_REVIEW),
        ("NYHED-001", COMMUNICATION_REVIEW),
    ],
)
def test_each_part_of_the_library_has_its_workflow(ref, workflow):
    assert page_by_ref(ref).get_workflow().name == workflow
    assert page_by_ref(ref, "en").get_workflow().name == workflow


def test_an_editors_change_is_published_only_when_a_reviewer_approves():
    editor, reviewer = member(EDITORS), member(REVIEWERS)
    method = page_by_ref("M13")
    method.summary = "Redaktørens nye opsummering."
    method.save_revision(user=editor)
    workflow_state = method.get_workflow().start(method, editor)
    method.refresh_from_db()
    assert method.summary != "Redaktørens nye opsummering."  # still the published one
    task_state = workflow_state.current_task_state
    task = task_state.task.specific
    assert not task.get_actions(method, editor)  # an editor cannot approve their own change
    task.on_action(task_state, reviewer, "approve")
    method.refresh_from_db()
    assert method.live and method.summary == "Redaktørens nye opsummering."


def test_a_communicator_cannot_approve_a_method_and_a_reviewer_cannot_approve_news():
    communicator, reviewer = member(COMMUNICATORS), member(REVIEWERS)
    method_task = page_by_ref("M13").get_workflow().tasks.first().specific
    news_task = page_by_ref("NYHED-001").get_workflow().tasks.first().specific
    assert not method_task.get_actions(page_by_ref("M13"), communicator)
    assert method_task.get_actions(page_by_ref("M13"), reviewer)
    assert not news_task.get_actions(page_by_ref("NYHED-001"), reviewer)
    assert news_task.get_actions(page_by_ref("NYHED-001"), communicator)


def test_the_strategy_in_the_knowledge_section_is_the_communicators_alone():
    strategy = page_by_ref("S6.1")
    for group_name in (EDITORS, REVIEWERS):
        for page in (strategy, page_by_ref("S6.1", "en")):
            permissions = page.permissions_for_user(member(group_name, f"{group_name}-{page.pk}"))
            assert not permissions.can_delete()
            assert not permissions.can_unpublish()
            assert not permissions.can_set_view_restrictions()
    # The knowledge section's own pages stay the editors' and reviewers', new ones too.
    editor, reviewer = member(EDITORS), member(REVIEWERS)
    section = strategy.get_parent().specific
    assert section.permissions_for_user(editor).can_add_subpage()
    from guidelines.models import GuidelinePage

    page = GuidelinePage(title="Ny vejledning", slug="ny-vejledning", ref="TEST-VIDEN")
    section.add_child(instance=page)
    # Wagtail keeps a user's page permissions on the user object: asked again, as a request would.
    editor, reviewer = (get_user_model().objects.get(pk=u.pk) for u in (editor, reviewer))
    assert page.permissions_for_user(reviewer).can_publish()
    assert page.permissions_for_user(editor).can_edit()
    assert page.get_workflow().name == PROFESSIONAL_REVIEW


def test_wagtails_default_groups_with_rights_over_the_whole_tree_are_gone():
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_new_sections_get_their_groups_and_workflow(django_capture_on_commit_callbacks):
    from strategy.models import NewsIndexPage

    home = page_by_ref("HOME")
    index = NewsIndexPage(title="Pressemeddelelser", slug="presse", ref="TEST-PRESSE")
    home.add_child(instance=index)
    assert index.get_workflow().name == COMMUNICATION_REVIEW
    assert index.permissions_for_user(member(COMMUNICATORS)).can_add_subpage()


def test_scheduled_publishing():
    news = page_by_ref("NYHED-002")
    news.title = "Planlagt overskrift"
    revision = news.save_revision(approved_go_live_at=timezone.now() + datetime.timedelta(hours=1))
    call_command("publish_scheduled")
    news.refresh_from_db()
    assert news.title != "Planlagt overskrift"
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save()
    call_command("publish_scheduled")
    news.refresh_from_db()
    assert news.title == "Planlagt overskrift"
