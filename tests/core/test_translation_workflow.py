"""An editor translates a page into English with wagtail-localize and publishes it."""

from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("redaktoer", "r@example.invalid", "pw")
    client.force_login(user)
    return client


def test_editor_translates_and_publishes_a_page_in_english(
    editor_client, danish_only_page, django_capture_on_commit_callbacks
):
    english = Locale.objects.get(language_code="en")
    submit = editor_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[danish_only_page.id]),
        {"locales": [english.id]},
    )
    assert submit.status_code == 302
    translation = Translation.objects.get(
        source__object_id=danish_only_page.translation_key, target_locale=english
    )

    english_strings = {
        "Kun på dansk": "Danish only",
        "kun-paa-dansk": "danish-only",
        "Uden oversættelse": "Without a translation",
    }
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        response = editor_client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id]),
            urlencode({"value": english_strings[segment.string.data]}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201)

    target = danish_only_page.get_translation(english)
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("wagtailadmin_pages:edit", args=[target.id]), {"action": "publish"}
        )
    assert response.status_code == 302

    editor_client.logout()
    page = editor_client.get("/en/danish-only/")
    assert page.status_code == 200
    body = page.content.decode()
    assert '<html lang="en">' in body
    assert "<h1>Danish only</h1>" in body
    danish = editor_client.get("/kun-paa-dansk/").content.decode()
    assert '<a href="/en/danish-only/" lang="en" hreflang="en">English</a>' in danish


def test_admin_is_in_danish_whatever_the_browser_asks_for(client):
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert '<html lang="da"' in response.content.decode()
    assert "Log ind" in response.content.decode()
