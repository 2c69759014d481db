"""Trainers ("Undervisere") create and edit courses, and cannot change the library's content."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from courses.models import CoursePage
from courses.roles import TRAINERS_GROUP
from tests.conftest import page_by_ref

pytestmark = pytest.mark.django_db

LIBRARY_REFS = ["M13", "T02", "SEL-99", "S4.2", "S3.1", "S5.1", "SITE-METODER"]


@pytest.fixture
def trainer(client):
    user = get_user_model().objects.create_user("underviser", "u@example.invalid", "pw")
    user.groups.add(Group.objects.get(name=TRAINERS_GROUP))
    client.force_login(user)
    return user


def listblock(items):
    return {
        "count": len(items),
        **{
            str(i): {"value": v, "deleted": "", "order": str(i), "id": ""}
            for i, v in enumerate(items)
        },
    }


def course_form(method, title="Underviserens eget kursus"):
    return nested_form_data(
        {
            "title": title,
            "slug": "underviserens-eget-kursus",
            "ref": "KURSUS-UNDERVISER",
            "summary": "Lavet af en underviser.",
            "description": rich_text("<p>Om kurset.</p>"),
            "audience_text": "Bostøttemedarbejdere",
            "prerequisites": rich_text(""),
            "learning_goals": streamfield([("goal", "Kunne tage den første kontakt")]),
            "sessions": streamfield(
                [
                    (
                        "session",
                        {
                            "day": "1",
                            "title": "Kontakten",
                            "minutes": "45",
                            "description": rich_text("<p>Vi øver.</p>"),
                            "goals": listblock(["Kunne skrive brevet"]),
                            "items": listblock([{"page": str(method.pk), "note": "Trinene"}]),
                            "exercises": listblock([]),
                            "trainer_notes": rich_text(""),
                        },
                    )
                ]
            ),
            "trainer_notes": rich_text(""),
        }
    )


def test_the_group_may_work_in_the_course_catalogue(trainer):
    catalogue = page_by_ref("SITE-KURSER")
    permissions = catalogue.permissions_for_user(trainer)
    assert permissions.can_add_subpage()
    course = page_by_ref("KURSUS-KONTAKT")
    assert course.permissions_for_user(trainer).can_edit()
    assert course.permissions_for_user(trainer).can_publish()


@pytest.mark.parametrize("ref", LIBRARY_REFS)
def test_the_group_cannot_change_the_library(client, trainer, ref):
    page = page_by_ref(ref)
    permissions = page.permissions_for_user(trainer)
    assert not permissions.can_edit()
    assert not permissions.can_publish()
    assert not permissions.can_add_subpage()
    assert not permissions.can_delete()
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code in (302, 403)
    before = page.title
    client.post(f"/admin/pages/{page.pk}/edit/", {"title": "Ændret af en underviser"})
    page.refresh_from_db()
    assert page.title == before


def test_a_trainer_creates_and_publishes_a_course_in_the_admin(client, trainer):
    catalogue = page_by_ref("SITE-KURSER")
    method = page_by_ref("M13")
    data = course_form(method)
    data["action-publish"] = "action-publish"
    response = client.post(f"/admin/pages/add/courses/coursepage/{catalogue.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    course = CoursePage.objects.get(ref="KURSUS-UNDERVISER")
    assert course.live and course.total_minutes == 45
    assert course.get_parent().pk == catalogue.pk
    page = client.get(course.url)
    assert method.title in page.content.decode()


def test_a_trainer_edits_a_course(client, trainer):
    course = page_by_ref("KURSUS-KONTAKT")
    response = client.get(f"/admin/pages/{course.pk}/edit/")
    assert response.status_code == 200
    assert course.title in response.content.decode()


def test_a_trainer_cannot_add_a_method_or_a_template(client, trainer):
    for index_ref, model in (
        ("SITE-METODER", "methods/methodpage"),
        ("SITE-SKABELONER", "downloads/templatepage"),
    ):
        index = page_by_ref(index_ref)
        response = client.get(f"/admin/pages/add/{model}/{index.pk}/")
        assert response.status_code in (302, 403)
