"""The password of a private page cannot be guessed: past the limit of tries from one address,
the form says to wait (429) and does not even compare the password; other addresses are not
held up."""

from django.urls import reverse

from wagtail.models import Page, PageViewRestriction

import pytest

from tests.conftest import page_by_ref

pytestmark = pytest.mark.django_db
PASSWORD = "rigtigt-kodeord"


@pytest.fixture
def private_page(settings):
    settings.PAGE_PASSWORD_RATE_LIMIT = "5/h"
    page = page_by_ref("M13")
    restriction = PageViewRestriction.objects.create(
        page=Page.objects.get(pk=page.pk),
        restriction_type=PageViewRestriction.PASSWORD,
        password=PASSWORD,
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    return page, url


def attempt(client, page, url, password, address="192.0.2.10"):
    return client.post(url, {"password": password, "return_url": page.url}, REMOTE_ADDR=address)


def test_guessing_is_stopped_after_the_limit_even_with_the_right_password(client, private_page):
    page, url = private_page
    assert 'name="password"' in client.get(page.url).content.decode()
    statuses = [attempt(client, page, url, f"gæt-{i}").status_code for i in range(5)]
    assert statuses == [200] * 5  # the form again, with Wagtail's "wrong password"
    refused = attempt(client, page, url, PASSWORD)
    assert refused.status_code == 429
    assert "For mange forsøg med forkert adgangskode" in refused.content.decode()
    assert 'name="password"' in client.get(page.url).content.decode()  # still locked


def test_another_address_is_not_held_up_and_the_right_password_opens_the_page(client, private_page):
    page, url = private_page
    for i in range(6):
        attempt(client, page, url, f"gæt-{i}")
    opened = attempt(client, page, url, PASSWORD, address="198.51.100.7")
    assert opened.status_code == 302
    assert opened["Location"] == page.url
    assert 'name="password"' not in client.get(page.url).content.decode()
