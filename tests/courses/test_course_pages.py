"""Course pages and the catalogue: built from the library, in step with it, filterable."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from wagtail.models import Page, PageViewRestriction

import pytest

from courses.blocks import SessionBlock, SessionsStreamBlock
from courses.models import CoursePage
from tests.conftest import page_by_ref
from tests.courses.conftest import GUIDE_ONLY, SESSION_GUIDE_ONLY, session

pytestmark = pytest.mark.django_db

COURSES = ["KURSUS-KONTAKT", "KURSUS-KI-PLANER", "KURSUS-OPSOEGENDE"]


def text_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


# --- The library's own courses --------------------------------------------------------------------


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_three_courses_are_built_from_the_library_in_both_languages(client, language):
    one_day, half_day, two_days = (page_by_ref(ref, language) for ref in COURSES)
    assert one_day.day_count == 1 and HALF_DAY < one_day.total_minutes <= 8 * 60
    assert half_day.day_count == 1 and half_day.total_minutes <= HALF_DAY
    assert two_days.day_count == 2
    for course in (one_day, half_day, two_days):
        program = course.program
        assert program.warnings == []
        assert len(program.sessions) >= 3
        assert all(s.items for s in program.sessions), course.title
        assert any(s.exercises for s in program.sessions), course.title
        assert any(
            i.page._meta.label == "methods.MethodPage" for s in program.sessions for i in s.items
        )
        # The same course in the other language has the same length.
        other = course.get_translations().get().specific
        assert other.total_minutes == course.total_minutes
        body = text_of(client, course.url)
        assert course.duration_label in body
        for item in program.sessions[0].items:
            assert item.page.title in body


HALF_DAY = 4 * 60


@pytest.mark.parametrize("language", ["da", "en"])
def test_catalogue_lists_every_course_with_its_duration(client, language):
    catalogue = page_by_ref("SITE-KURSER", language)
    body = text_of(client, catalogue.url)
    for ref in COURSES:
        course = page_by_ref(ref, language)
        assert course.title in body
        assert course.duration_label in body
    assert "3 kurser" in body if language == "da" else "3 courses" in body


# --- A course's duration and sessions -----------------------------------------------------------


def test_total_duration_is_computed_from_the_sessions(client, course):
    assert course.total_minutes == 150
    assert course.day_count == 1
    body = text_of(client, course.url)
    assert "2 timer 30 min." in body
    assert "Det første brev" in body and "Lovgrundlaget" in body
    assert "Skriv brevet til fru Jensen" in body and "Case-arbejde" in body


def test_trainer_notes_are_not_on_the_public_page(client, course):
    body = text_of(client, course.url)
    assert GUIDE_ONLY not in body
    assert SESSION_GUIDE_ONLY not in body


def test_exercises_cannot_take_longer_than_their_session():
    block = SessionBlock()
    value = block.to_python(
        session(
            1,
            "For kort",
            20,
            exercises=[
                {"kind": "reflection", "title": "Lang", "minutes": 30, "instructions": "<p>x</p>"}
            ],
        )["value"]
    )
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert "30 minutter" in str(error.value.block_errors["minutes"])


def test_sessions_must_come_in_order_of_day():
    stream = SessionsStreamBlock()
    value = stream.to_python([session(2, "Dag to", 60), session(1, "Dag et", 60)])
    with pytest.raises(ValidationError):
        stream.clean(value)
    assert stream.clean(stream.to_python([session(1, "A", 60), session(2, "B", 60)]))


# --- In step with the library -------------------------------------------------------------------


def test_course_shows_the_current_summary_of_each_linked_page(client, course):
    method = page_by_ref("M13")
    method.summary = "En helt ny opsummering af den kontaktskabende fremgangsmåde."
    method.save_revision().publish()
    body = text_of(client, course.url)
    assert "En helt ny opsummering af den kontaktskabende fremgangsmåde." in body
    assert "Læs trinene højt" in body  # the course's own note beside it


def _admin(client):
    user = get_user_model().objects.create_superuser("redaktoer", "r@example.invalid", "pw")
    client.force_login(user)
    return client


def test_unpublished_page_is_left_out_and_editors_are_warned(client, course):
    method = page_by_ref("M13")
    method.unpublish()
    body = text_of(client, course.url)
    assert method.title not in body
    assert "Sider, som det offentlige kursus udelader" not in body
    edit = text_of(_admin(client), f"/admin/pages/{course.pk}/edit/")
    assert "Sider, som det offentlige kursus udelader" in edit
    assert f"“{method.title}” er ikke udgivet" in edit
    response = CoursePage.objects.get(pk=course.pk).make_preview_request()
    response.render()
    assert f"“{method.title}” er ikke udgivet" in response.content.decode()


def test_deleted_page_is_left_out_and_editors_are_warned(client, course):
    technique = page_by_ref("T02")
    title = technique.title
    Page.objects.get(pk=technique.pk).get_translations(inclusive=True).delete()
    body = text_of(client, Page.objects.get(pk=course.pk).url)
    assert title not in body
    assert "Lovgrundlaget" in body  # the rest of the course is still there
    edit = text_of(_admin(client), f"/admin/pages/{course.pk}/edit/")
    assert "en valgt side er blevet slettet" in edit


def test_private_page_is_left_out(client, course):
    legal = page_by_ref("SEL-99")
    PageViewRestriction.objects.create(page=legal, restriction_type="login")
    body = text_of(client, course.url)
    assert legal.title not in body
    assert "ikke offentlig" in text_of(_admin(client), f"/admin/pages/{course.pk}/edit/")


def test_english_course_shows_english_pages_and_marks_danish_fallbacks(client):
    course = page_by_ref("KURSUS-KONTAKT", "en")
    item = next(i for s in course.program.sessions for i in s.items)
    english = item.page
    assert english.locale.language_code == "en"
    body = text_of(client, course.url)
    assert english.url in body
    english.unpublish()
    fallback = next(
        i for s in CoursePage.objects.get(pk=course.pk).program.sessions for i in s.items
    )
    assert fallback.page.translation_key == english.translation_key
    assert fallback.page.locale.language_code == "da" and fallback.language == "da"
    body = text_of(client, course.url)
    assert 'lang="da"' in body and fallback.page.url in body


def test_method_page_lists_the_courses_that_use_it(client, course):
    body = text_of(client, page_by_ref("M13").url)
    assert "Kurser, der bruger metoden" in body and course.title in body
    assert course.title not in text_of(client, page_by_ref("M01").url)
    english = page_by_ref("M13", "en")
    english_course = page_by_ref("KURSUS-KONTAKT", "en")
    english_body = text_of(client, english.url)
    assert english_course.title in english_body and course.title not in english_body


def test_a_draft_does_not_change_which_courses_a_method_lists(client, course):
    course.sessions = [session(1, "Kun lov", 60, items=[(page_by_ref("SEL-99"), "")])]
    course.save_revision()  # a draft, not published
    assert course.title in text_of(client, page_by_ref("M13").url)
    CoursePage.objects.get(pk=course.pk).get_latest_revision().publish()
    assert course.title not in text_of(client, page_by_ref("M13").url)


def test_unpublished_course_is_not_listed(client, course):
    course.unpublish()
    assert course.title not in text_of(client, page_by_ref("M13").url)
    assert course.title not in text_of(client, page_by_ref("SITE-KURSER").url)


def test_search_finds_courses_but_not_their_trainer_notes(client, course):
    found = client.get("/api/search/", {"q": "Testkursus første brev"}).json()
    assert any(
        r["ref"] == "KURSUS-TEST" and r["type"] == "courses.CoursePage" for r in found["results"]
    )
    hidden = client.get("/api/search/", {"q": "hestesko"}).json()
    assert all(r["ref"] != "KURSUS-TEST" for r in hidden["results"])


# --- The catalogue's filters ---------------------------------------------------------------------


def catalogue(client, language="da", **params):
    return client.get(page_by_ref("SITE-KURSER", language).url, params)


def titles_in(response, language="da"):
    body = response.content.decode()
    return {ref for ref in COURSES if page_by_ref(ref, language).title in body}


def test_duration_filter(client):
    assert titles_in(catalogue(client, duration="half-day")) == {"KURSUS-KI-PLANER"}
    assert titles_in(catalogue(client, duration="day")) == {"KURSUS-KONTAKT"}
    assert titles_in(catalogue(client, duration="days")) == {"KURSUS-OPSOEGENDE"}
    # OR within a filter
    both = catalogue(client, duration=["half-day", "days"])
    assert titles_in(both) == {"KURSUS-KI-PLANER", "KURSUS-OPSOEGENDE"}


def test_topic_and_audience_filters_combine(client):
    ki = page_by_ref("KURSUS-KI-PLANER")
    topic = ki.topics.first().code
    with_topic = titles_in(catalogue(client, topic=topic))
    assert "KURSUS-KI-PLANER" in with_topic
    expected = {ref for ref in COURSES if topic in {t.code for t in page_by_ref(ref).topics.all()}}
    assert with_topic == expected
    # AND across filters: the topic and a duration no course with the topic has
    assert titles_in(catalogue(client, topic=topic, duration="half-day")) <= {"KURSUS-KI-PLANER"}
    audience = ki.audiences.first().code
    response = catalogue(client, topic=topic, audience=audience)
    assert response.status_code == 200
    assert "KURSUS-KI-PLANER" in titles_in(response)


def test_filter_counts_follow_the_other_filters(client):
    response = catalogue(client, duration="half-day")
    body = response.content.decode()
    ki = page_by_ref("KURSUS-KI-PLANER")
    assert "1 kursus" in body
    topic = ki.topics.first()
    assert f'{topic.name} <span class="search-facet__count">(1)</span>' in body


def test_english_catalogue_filters_in_english(client):
    response = catalogue(client, "en", duration="days")
    assert titles_in(response, "en") == {"KURSUS-OPSOEGENDE"}
    assert "More than one day" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [{"topic": "findes-ikke"}, {"duration": "evigt"}, {"audience": "x" * 5000}],
)
def test_unknown_filter_values_get_a_clear_danish_message(client, params):
    response = catalogue(client, **params)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Filteret kunne ikke bruges" in body
    assert "Vælg blandt de viste værdier" in body
    for ref in COURSES:
        assert page_by_ref(ref).title in body  # the catalogue is still there


def test_unrelated_parameters_are_ignored(client):
    response = catalogue(client, page="abc", q="\x00", duration="day")
    assert response.status_code == 200
    assert titles_in(response) == {"KURSUS-KONTAKT"}


def test_wagtail_usage_report_shows_the_courses_that_use_a_page(course):
    from wagtail.models import ReferenceIndex

    users = {r.object_id for r in ReferenceIndex.get_references_to(page_by_ref("M13"))}
    assert str(course.pk) in users
