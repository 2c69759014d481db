"""The page API exposes every page with its ref, type and taxonomy."""

import pytest

from tests.conftest import page_by_ref

pytestmark = pytest.mark.django_db


def test_listing_of_all_pages_carries_ref_type_and_taxonomy(client):
    data = client.get("/api/v2/pages/?locale=da&limit=100").json()
    assert data["meta"]["total_count"] > 140
    items = data["items"]
    assert all(item["ref"] for item in items)
    method = next(item for item in items if item["ref"] == "M08")
    assert method["meta"]["type"] == "methods.MethodPage"
    assert method["taxonomy"]["category"] == ["opsoegende"]
    assert "isolerede-sindslidende" in method["taxonomy"]["target_groups"]


def test_english_pages_carry_the_same_ref(client):
    for page_type, ref in [("methods.MethodPage", "M08"), ("legal.LegalPage", "SEL-99")]:
        url = f"/api/v2/pages/?type={page_type}&locale=en&limit=100"
        items = client.get(url).json()["items"]
        assert ref in {item["ref"] for item in items}
        assert all(item["meta"]["locale"] == "en" for item in items)


def test_detail_has_the_method_fields(client):
    listing = client.get("/api/v2/pages/?type=methods.MethodPage&locale=da&limit=1").json()
    detail = client.get(listing["items"][0]["meta"]["detail_url"].replace("http://localhost", ""))
    data = detail.json()
    assert {"ref", "taxonomy", "target_group", "steps", "sources"} <= set(data)


@pytest.mark.parametrize("search", ['"', 'skp"', "\x00", "\u3000", "sk\x00p"])
def test_a_search_with_quotes_nul_or_only_blanks_is_answered(client, search):
    response = client.get("/api/v2/pages/", {"search": search})
    assert response.status_code == 200
    if search.strip('"\x00\u3000'):
        assert response.json()["meta"]["total_count"] > 0  # "skp" is still searched


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"offset": "9223372036854775808"}, "offset må højst være"),
        ({"site": "x"}, "Der er intet site"),
        ({"site": "x:port"}, "Der er intet site"),
        ({"offset": "²"}, "offset must be a positive integer"),  # Wagtail's own message
        ({"search": "a", "search_operator": "xor"}, "search_operator skal være and eller or"),
        ({"first_published_at": "x"}, "Ugyldig værdi i filteret"),
        ({"first_published_at": "9999-99-99"}, "Ugyldig værdi i filteret"),
        ({"type": "legal.LegalPage", "current_law_checked": "x"}, "Ugyldig værdi i filteret"),
        ({"type": "methods.MethodPage", "last_reviewed": "x"}, "Ugyldig værdi i filteret"),
        ({"alias_of": "9223372036854775808"}, "alias_of må højst være"),
        ({"alias_of": "-9223372036854775809"}, "alias_of må højst være"),
        ({"locale": "\x00"}, "locale må ikke indeholde tegnet NUL"),
        ({"type": "methods.MethodPage", "slug": "a\x00"}, "slug må ikke indeholde tegnet NUL"),
    ],
)
def test_bad_parameters_are_a_danish_400(client, params, message):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 400
    assert message in response.json()["message"]


def test_good_filter_values_still_filter(client):
    listed = client.get("/api/v2/pages/", {"search": "skp", "search_operator": "OR"})
    assert listed.status_code == 200
    assert listed.json()["meta"]["total_count"] > 0
    assert client.get("/api/v2/pages/", {"alias_of": "1"}).json()["meta"]["total_count"] == 0
    page = page_by_ref("M08")
    found = client.get("/api/v2/pages/find/", {"id": str(page.pk)})
    assert found.status_code == 302
    assert found.url.startswith(f"http://testserver/api/v2/pages/{page.pk}/")


@pytest.mark.parametrize("value", ["x", "²", "1.5"])
def test_find_with_an_id_that_is_not_a_number_is_a_danish_400(client, value):
    response = client.get("/api/v2/pages/find/", {"id": value})
    assert response.status_code == 400
    assert response.json()["message"] == "id skal være et tal."


def test_find_with_a_nul_in_the_path_is_a_danish_400(client):
    response = client.get("/api/v2/pages/find/", {"html_path": "/metoder/\x00"})
    assert response.status_code == 400
    assert response.json()["message"] == "html_path må ikke indeholde tegnet NUL (%00)."


def test_the_admin_search_takes_an_unbalanced_quote(admin_client):
    response = admin_client.get("/admin/pages/search/", {"q": 'opsøgende "arbejde'})
    assert response.status_code == 200
