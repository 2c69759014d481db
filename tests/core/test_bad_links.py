"""A rich-text link saved with an id that is not a number (a forged edit, `22" onmouseover=…`) is a
broken link: the page, its draft and its edit view still open for everyone, and nothing of the
forged attribute reaches the HTML."""

from django.contrib.auth import get_user_model
from django.urls import reverse

import pytest

from tests.conftest import page_by_ref

pytestmark = pytest.mark.django_db

FORGED = (
    '<p>Se <a linktype="page" id="22&quot; onmouseover=&quot;alert(1)">den anden side</a> og '
    '<a linktype="document" id="x&quot;y">skemaet</a>.</p>'
)


@pytest.fixture
def forged_page():
    page = page_by_ref("M08")
    page.purpose = FORGED
    page.save_revision()
    return page


def test_the_draft_and_the_edit_view_open_with_a_forged_link(client, forged_page):
    user = get_user_model().objects.create_superuser("admin2", "a@example.org", "x")
    client.force_login(user)
    for view in ("wagtailadmin_pages:view_draft", "wagtailadmin_pages:edit"):
        response = client.get(reverse(view, args=[forged_page.pk]))
        assert response.status_code == 200, view
        assert 'onmouseover="alert' not in response.content.decode()
    draft = client.get(reverse("wagtailadmin_pages:view_draft", args=[forged_page.pk]))
    assert "den anden side" in draft.content.decode()


def test_the_published_page_opens_for_readers_with_the_link_broken(client, forged_page):
    forged_page.get_latest_revision().publish()
    response = client.get(forged_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<a>den anden side</a>" in html
    assert "onmouseover" not in html
