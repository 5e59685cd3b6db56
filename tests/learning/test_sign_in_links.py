"""The sign-in page fills in the username from a sign-in card's QR code
(`/accounts/login/?username=…`), and ignores anything that cannot be one."""

import pytest
from django.test import RequestFactory

from learning.sign_in_links import is_plausible_username, sign_in_url


def test_the_username_from_the_link_is_filled_in(client, db):
    page = client.get("/accounts/login/?username=gul.wazir1").content.decode()
    assert 'name="login" id="id_login" value="gul.wazir1"' in page
    assert 'autocomplete="current-password" required autofocus' in page  # straight to the password


@pytest.mark.parametrize(
    "value",
    ['"><script>alert(1)</script>', "a b", "x" * 151, "gul\x00", "gul/../admin", "%", ""],
)
def test_anything_that_cannot_be_a_username_is_ignored(client, db, value):
    response = client.get("/accounts/login/", {"username": value})
    assert response.status_code == 200
    assert 'name="login" id="id_login" value=""' in response.content.decode()


def test_a_username_typed_in_the_form_wins_over_the_link(client, db):
    response = client.post("/accounts/login/?username=gul.wazir1", {"login": "marie1"})
    assert 'value="marie1"' in response.content.decode()


def test_usernames_django_accepts_are_plausible():
    assert is_plausible_username("gul.wazir1") and is_plausible_username("نادیه")
    assert is_plausible_username("a.b@c+d-e_f")
    assert not is_plausible_username("two words") and not is_plausible_username("x" * 151)


def test_the_link_is_absolute_and_quotes_the_username(settings):
    settings.ALLOWED_HOSTS = ["harbor.example.org"]
    request = RequestFactory().get("/", HTTP_HOST="harbor.example.org", secure=True)
    assert (
        sign_in_url(request, "a+b@c")
        == "https://harbor.example.org/accounts/login/?username=a%2Bb%40c"
    )
