"""Reviewers can open a draft, and a page behind a password is not named on other pages."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.models import Page, PageViewRestriction

import pytest

from core.models import RelatedLink
from tests.conftest import page_by_ref

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    user = get_user_model().objects.create_superuser("chefredaktoer", "c@example.org", "x")
    client.force_login(user)
    return client


@pytest.mark.parametrize("ref", ["M08", "S4.1"])
def test_a_draft_with_related_links_can_be_viewed_and_previewed(superuser_client, ref):
    page = page_by_ref(ref)
    assert page.related_links.exists() or RelatedLink.objects.filter(target=page).exists()
    page.title = f"{page.title} (skitse)"
    page.save_revision()
    response = superuser_client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert response.status_code == 200
    assert f"{page.title}" in response.content.decode()


def _linking_method():
    """A live method that lists another live method among its related pages."""
    for link in RelatedLink.objects.select_related("page", "target"):
        page, target = link.page.specific, link.target.specific
        both_methods = type(page).__name__ == type(target).__name__ == "MethodPage"
        if both_methods and page.live and target.live and page.locale_id == target.locale_id:
            return page, target
    raise LookupError("no method links to another method")


def test_a_page_behind_a_password_is_not_listed_on_the_pages_that_link_to_it(client):
    page, target = _linking_method()
    before = client.get(page.url).content.decode()
    assert f'href="{target.url}"' in before
    assert target.summary in before
    PageViewRestriction.objects.create(
        page=Page.objects.get(pk=target.pk),
        restriction_type=PageViewRestriction.PASSWORD,
        password="hemmeligt",
    )
    # Neither a link to it nor its summary (its title may still be a word of the text).
    html = client.get(page.url).content.decode()
    assert f'href="{target.url}"' not in html
    assert target.summary not in html


def test_a_preview_leaves_out_a_page_behind_a_password_too(superuser_client):
    page, target = _linking_method()
    PageViewRestriction.objects.create(
        page=Page.objects.get(pk=target.pk),
        restriction_type=PageViewRestriction.PASSWORD,
        password="hemmeligt",
    )
    page.save_revision()
    response = superuser_client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert response.status_code == 200
    assert f'href="{target.url}"' not in response.content.decode()
