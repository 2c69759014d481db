"""What every page shows of the rest of the library is kept per process (core/snapshot.py) and
pages are found through it (core/routing.py): a reader never sees it outlive a change, and a
preview shows the draft's own links."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction, Site

import pytest

from core.models import StandardPage
from core.snapshot import current_stamp
from tests.conftest import page_by_ref

pytestmark = pytest.mark.django_db


def _republish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_publishing_gives_the_content_a_new_stamp():
    before = current_stamp()
    _republish(page_by_ref("T08"), title="Ny titel")
    after = current_stamp()
    assert after != before
    _republish(page_by_ref("T08"), title="Endnu en titel")
    assert current_stamp() not in (before, after)


def test_a_linked_page_renamed_shows_its_new_title_on_the_method_page_at_once(client):
    method = page_by_ref("M08")
    technique = method.technique_links.first().target.specific
    assert technique.title in client.get(method.url).content.decode()  # the snapshot is built

    _republish(technique, title="Den delte tredje, nyt navn", summary="Et nyt resumé.")

    html = client.get(method.url).content.decode()
    assert "Den delte tredje, nyt navn" in html
    assert "Et nyt resumé." in html


def test_an_unpublished_provision_leaves_the_method_page_and_its_address_404s(client):
    method = page_by_ref("M08")
    provision = method.legal_basis_links.first().target.specific
    url = provision.url
    assert f'href="{url}"' in client.get(method.url).content.decode()

    provision.unpublish()

    assert f'href="{url}"' not in client.get(method.url).content.decode()
    assert client.get(url).status_code == 404


def test_a_section_left_out_of_the_menu_leaves_it_at_once(client):
    home = page_by_ref("HOME")
    projects = page_by_ref("SITE-PROJEKTER")
    assert f'href="{projects.url}" class="nav-link"' in client.get(home.url).content.decode()

    _republish(projects, show_in_menus=False)

    assert f'href="{projects.url}" class="nav-link"' not in client.get(home.url).content.decode()


def test_a_moved_page_is_served_at_its_new_address_and_the_old_one_redirects(client):
    method = page_by_ref("M37")
    old_url = method.url
    assert client.get(old_url).status_code == 200
    method.move(page_by_ref("SITE-VIDEN"), pos="last-child")
    method.refresh_from_db()

    old = client.get(old_url)  # Wagtail's automatic redirect, not the page at its old place
    assert (old.status_code, old["Location"]) == (301, method.url)
    response = client.get(method.url)
    assert response.status_code == 200
    assert method.title in response.content.decode()


def test_routing_serves_both_languages_feeds_and_404s(client):
    method = page_by_ref("M08", "en")
    assert method.url.startswith("/en/")
    assert client.get(method.url).status_code == 200
    news = page_by_ref("SITE-NYHEDER")
    # A page type with its own routes below it (RoutablePageMixin) still gets them.
    assert client.get(f"{news.url}rss/").status_code == 200
    assert client.get(f"{method.url}ingen-side-her/").status_code == 404
    assert client.get("/metoder/findes-ikke/").status_code == 404
    assert client.get("/findes-ikke/heller-ikke/").status_code == 404


def test_a_draft_page_is_not_served(client):
    method = page_by_ref("M08")
    draft = method.copy(
        update_attrs={"slug": "kladde-af-skp", "title": "Kladde", "ref": "TEST-KLADDE"},
        keep_live=False,
    )
    assert client.get(method.url.replace(method.slug, draft.slug)).status_code == 404


def test_a_preview_shows_the_drafts_links_not_the_published_ones(client, admin_user):
    method = page_by_ref("M08")
    technique = method.technique_links.first().target.specific
    draft = method.get_latest_revision_as_object()
    draft.technique_links = list(draft.technique_links.all())[1:]
    draft.title = "SKP i en kladde"

    preview = draft.make_preview_request()
    html = preview.content.decode()
    assert "SKP i en kladde" in html
    assert f'href="{technique.url}"' not in html
    # The published page is unchanged, and still lists the technique.
    assert f'href="{technique.url}"' in client.get(method.url).content.decode()


def test_a_view_restriction_added_to_a_section_applies_to_its_pages_at_once(client):
    method = page_by_ref("M08")
    assert client.get(method.url).status_code == 200  # routing and restrictions are kept
    PageViewRestriction.objects.create(
        page=page_by_ref("SITE-METODER"),
        restriction_type=PageViewRestriction.PASSWORD,
        password="hemmelig",
    )

    response = client.get(method.url)
    assert method.title not in response.content.decode()
    assert 'name="password"' in response.content.decode()
    assert page_by_ref("HOME").title in client.get(page_by_ref("HOME").url).content.decode()

    PageViewRestriction.objects.all().delete()
    assert method.title in client.get(method.url).content.decode()


def test_a_site_added_for_another_host_name_serves_its_own_root(client):
    assert client.get("/", HTTP_HOST="127.0.0.1").status_code == 200  # the sites are kept
    guideline_index = page_by_ref("SITE-VIDEN")
    site = Site.objects.create(hostname="testserver", port=80, root_page=guideline_index)

    response = client.get("/", HTTP_HOST="testserver")
    assert response.status_code == 200
    assert f"<h1>{guideline_index.title}</h1>" in response.content.decode()
    assert page_by_ref("HOME").title in client.get("/", HTTP_HOST="127.0.0.1").content.decode()
    site.delete()  # and Wagtail forgets the sites' root paths it keeps in the cache


def test_an_alias_in_another_language_is_served_at_once(client):
    # wagtail-localize and the admin make a page's alias in another language without a signal.
    home = page_by_ref("HOME")
    page = home.add_child(instance=StandardPage(title="Om aliaset", ref="TEST-ALIAS"))
    page.save_revision().publish()
    english_home = page_by_ref("HOME", "en")
    assert client.get(english_home.url).status_code == 200  # the addresses are kept

    alias = page.create_alias(
        parent=english_home, update_locale=english_home.locale, reset_translation_key=False
    )

    assert alias.url.startswith("/en/")
    response = client.get(alias.url)
    assert response.status_code == 200
    assert "Om aliaset" in response.content.decode()


def test_a_method_page_reads_the_database_a_handful_of_times(client):
    url = page_by_ref("M08").url
    client.get(url)  # warm, as a worker is
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    # The content stamp and the page; the site and the view restrictions come from the snapshot.
    assert len(queries) <= 2, "\n".join(q["sql"][:120] for q in queries.captured_queries)
