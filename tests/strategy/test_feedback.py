""" "Var siden nyttig?": the widget under library pages, what is (and is not) stored, the limits,
and the admin's results per page."""

import csv
import io

from django.contrib.auth import get_user_model
from django.test import override_settings

import pytest

from strategy.governance import COMMUNICATORS, EDITORS, REVIEWERS
from strategy.models import PageFeedback
from tests.conftest import page_by_ref
from tests.strategy.test_governance import member

pytestmark = pytest.mark.django_db


def csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def answer(client, page, useful="ja", comment="", **headers):
    return client.post(
        f"/tilbagemelding/{page.pk}/", {"useful": useful, "comment": comment}, headers=headers
    )


@pytest.mark.parametrize("ref", ["M08", "SEL-99", "S4.2", "S3.1", "S5.1", "KURSUS-KONTAKT"])
def test_library_pages_ask_whether_they_were_useful_with_a_privacy_notice(client, ref):
    html = client.get(page_by_ref(ref).url).content.decode()
    assert "Var siden nyttig?" in html
    assert "Skriv ikke navne, CPR-numre" in html
    assert f'action="/tilbagemelding/{page_by_ref(ref).pk}/"' in html
    assert "csrfmiddlewaretoken" not in html  # the page stays cacheable and sets no cookie


def test_site_pages_and_news_do_not_ask(client):
    for ref in ("HOME", "NYHED-001", "SITE-METODER"):
        assert "Var siden nyttig?" not in client.get(page_by_ref(ref).url).content.decode()


def test_an_answer_is_stored_with_the_page_and_the_day_only(client):
    page = page_by_ref("M08")
    response = answer(client, page, "nej", "Mangler   et eksempel\n på brevet.")
    assert response.status_code == 302
    thanks = client.get(response["Location"])
    assert "Tak for din tilbagemelding" in thanks.content.decode()
    assert page.url in thanks.content.decode()
    (feedback,) = PageFeedback.objects.all()
    assert (feedback.page_id, feedback.useful) == (page.pk, False)
    assert feedback.comment == "Mangler et eksempel på brevet."
    stored = {f.name for f in PageFeedback._meta.get_fields()}
    assert stored == {"id", "page", "useful", "comment", "date"}
    assert "Set-Cookie" not in response.headers


def test_numbers_and_email_addresses_in_the_comment_are_masked(client):
    answer(
        client,
        page_by_ref("M08"),
        "ja",
        "Borgeren 010203-1234 ringede fra 12 34 56 78, skriv til jens@example.dk. Trin 3 var godt.",
    )
    comment = PageFeedback.objects.get().comment
    assert "1234" not in comment and "56 78" not in comment and "jens" not in comment
    assert comment == "Borgeren [tal] ringede fra [tal], skriv til [e-mail] Trin 3 var godt."


def test_the_english_page_takes_answers_in_english(client):
    page = page_by_ref("M08", "en")
    html = client.get(page.url).content.decode()
    assert "Was the page useful?" in html and f'action="/en/tilbagemelding/{page.pk}/"' in html
    response = client.post(f"/en/tilbagemelding/{page.pk}/", {"useful": "ja"})
    assert "Thank you for your answer" in client.get(response["Location"]).content.decode()
    assert PageFeedback.objects.get().page_id == page.pk


def test_a_missing_answer_or_too_long_comment_gets_a_danish_message_and_keeps_the_text(client):
    page = page_by_ref("M08")
    response = client.post(f"/tilbagemelding/{page.pk}/", {"comment": "Godt skrevet"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Vælg ja eller nej." in html and "Godt skrevet</textarea>" in html
    response = answer(client, page, "ja", "x" * 1001)
    assert response.status_code == 400
    assert "højst være på 1000 tegn" in response.content.decode()
    assert "x" * 1001 in response.content.decode()
    assert PageFeedback.objects.count() == 0


def test_answers_about_pages_that_do_not_take_them_are_not_found(client):
    assert answer(client, page_by_ref("HOME")).status_code == 404
    assert client.post("/tilbagemelding/999999/", {"useful": "ja"}).status_code == 404
    draft = page_by_ref("T04")
    draft.unpublish()
    assert answer(client, draft).status_code == 404
    assert PageFeedback.objects.count() == 0


def test_a_post_from_another_site_is_refused(client):
    page = page_by_ref("M08")
    response = answer(client, page, Origin="https://elsewhere.example")
    assert response.status_code == 403
    assert "sendes fra selve siden" in response.content.decode()
    assert answer(client, page, **{"Sec-Fetch-Site": "cross-site"}).status_code == 403
    assert answer(client, page, Origin="http://[").status_code == 403  # not an address at all
    assert answer(client, page, Origin="http://testserver").status_code == 302
    assert PageFeedback.objects.count() == 1


@override_settings(FEEDBACK_RATE_LIMIT="3/d")
def test_too_many_answers_are_refused_with_the_text_kept(client):
    page = page_by_ref("M08")
    assert [answer(client, page).status_code for _ in range(3)] == [302, 302, 302]
    response = answer(client, page, "nej", "Min kommentar")
    assert response.status_code == 429
    assert "For mange svar" in response.content.decode()
    assert "Min kommentar</textarea>" in response.content.decode()
    assert PageFeedback.objects.count() == 3


def test_the_admin_shows_the_answers_per_page(client):
    method, law = page_by_ref("M08"), page_by_ref("SEL-99")
    for useful, comment in (("ja", ""), ("ja", "Klar"), ("nej", "Mangler eksempler")):
        answer(client, method, useful, comment)
    answer(client, law, "nej")
    client.force_login(member(EDITORS))
    html = client.get("/admin/reports/page-feedback/").content.decode()
    assert method.title in html and law.title in html
    assert f"/admin/reports/page-feedback/{method.pk}/" in html
    rows = csv_rows(client.get("/admin/reports/page-feedback/?export=csv"))
    by_title = {row["Side"]: row for row in rows}
    assert (by_title[method.title]["Ja"], by_title[method.title]["Nej"]) == ("2", "1")
    assert by_title[method.title]["Kommentarer"] == "2"
    assert (by_title[law.title]["Ja"], by_title[law.title]["Nej"]) == ("0", "1")

    detail = client.get(f"/admin/reports/page-feedback/{method.pk}/").content.decode()
    assert "Mangler eksempler" in detail and "Klar" in detail


def test_the_answers_are_for_editors_reviewers_and_communicators_only(client):
    for group in (EDITORS, REVIEWERS, COMMUNICATORS):
        assert member(group).has_perm("strategy.view_pagefeedback")
    client.force_login(get_user_model().objects.create_user("ude", "u@example.invalid", "pw"))
    assert client.get("/admin/reports/page-feedback/").status_code in (302, 403)


@pytest.mark.parametrize(
    "typed",
    ["Ring 010190–1234 i dag", "Ring 01.01.90-1234 i dag", "Ring 010190 1234 i dag"],
)
def test_personal_numbers_with_dashes_dots_or_spaces_are_masked(client, typed):
    answer(client, page_by_ref("M08"), "ja", typed)
    assert PageFeedback.objects.get().comment == "Ring [tal] i dag"


def test_a_comment_that_looks_like_a_formula_is_exported_as_text(client):
    import openpyxl

    method = page_by_ref("M08")
    formula = '=HYPERLINK("https://example.invalid","Klik her")'
    answer(client, method, "nej", formula)
    client.force_login(member(EDITORS))
    url = f"/admin/reports/page-feedback/{method.pk}/"
    cells = [value for row in csv_rows(client.get(f"{url}?export=csv")) for value in row.values()]
    assert f"'{formula}" in cells
    assert formula not in cells
    response = client.get(f"{url}?export=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [cell for row in sheet.iter_rows() for cell in row if cell.value]
    (comment,) = [cell for cell in values if "HYPERLINK" in str(cell.value)]
    assert comment.data_type == "s" and comment.value == f"'{formula}"
