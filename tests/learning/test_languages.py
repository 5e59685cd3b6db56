import pytest

from learning.roles import Role
from tests.conftest import PASSWORD


@pytest.mark.parametrize(
    ("code", "direction"),
    [("ar", "rtl"), ("prs", "rtl"), ("ps", "rtl"), ("uk", "ltr"), ("ht", "ltr")],
)
def test_page_direction_follows_the_language(client, db, code, direction):
    client.cookies["django_language"] = code
    page = client.get("/").content.decode()
    assert f'<html lang="{code}" dir="{direction}">' in page


def test_every_language_is_offered_by_its_own_name(client, db):
    page = client.get("/").content.decode()
    for name in ("العربيّة", "دری", "پښتو", "Kreyòl ayisyen", "Kiswahili", "Українська", "español"):
        assert name in page


def test_the_switcher_changes_the_language_and_remembers_it_on_the_account(login, student):
    client = login(student)
    response = client.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    assert response.status_code == 302
    assert 'dir="rtl"' in client.get("/").content.decode()
    student.refresh_from_db()
    assert student.preferred_language == "ar"


def test_a_signed_in_user_sees_their_language_on_a_new_phone(client, make_user):
    user = make_user(Role.STUDENT, preferred_language="prs")
    client.post("/accounts/login/", {"login": user.username, "password": PASSWORD})
    assert '<html lang="prs" dir="rtl">' in client.get("/").content.decode()


def test_an_unknown_language_is_ignored(login, student):
    client = login(student)
    client.post("/i18n/setlang/", {"language": "xx", "next": "/"})
    student.refresh_from_db()
    assert student.preferred_language == "en"
    assert client.get("/").status_code == 200


@pytest.mark.parametrize("header", ["fa-AF", "fa", "fa-IR,fa;q=0.9,en;q=0.5"])
def test_a_phone_set_to_dari_gets_dari(client, db, header):
    response = client.get("/accounts/login/", headers={"accept-language": header})
    assert '<html lang="prs" dir="rtl"' in response.content.decode()
