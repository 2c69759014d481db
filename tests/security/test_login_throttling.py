"""Admin login throttling (django-axes): five wrong passwords for one user name from one address
lock that pair for a while with a Danish page; other addresses and other names are not locked."""

from django.contrib.auth import get_user_model

import pytest

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture
def editor():
    return get_user_model().objects.create_user(
        "redaktoer", "r@example.invalid", "det-rigtige-kodeord", is_staff=True, is_superuser=True
    )


def attempt(client, password, address="10.0.0.1", username="redaktoer"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_wrong_passwords_lock_the_name_from_that_address(client, editor):
    for _ in range(4):
        response = attempt(client, "forkert")
        assert response.status_code == 200  # the login form again
    response = attempt(client, "forkert")
    assert response.status_code == 429
    body = response.content.decode()
    assert "For mange mislykkede login" in body and "15 minutter" in body
    # Even the right password is refused while the lock lasts.
    assert attempt(client, "det-rigtige-kodeord").status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_is_for_that_address_only_and_a_good_login_resets_the_count(client, editor):
    for _ in range(5):
        attempt(client, "forkert")
    assert attempt(client, "forkert").status_code == 429
    response = attempt(client, "det-rigtige-kodeord", address="10.0.0.2")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)

    client.logout()
    for _ in range(4):
        attempt(client, "forkert", address="10.0.0.3")
    assert attempt(client, "det-rigtige-kodeord", address="10.0.0.3").status_code == 302
    client.logout()
    for _ in range(4):  # counted from zero again after the good login
        assert attempt(client, "forkert", address="10.0.0.3").status_code == 200
