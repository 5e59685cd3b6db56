"""Wagtail's own sign-in, password and email doors lead to Harbor's (allauth's),
where the limits are; its page and document passwords are limited too."""

import pytest
from django.core import mail
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.conftest import PASSWORD

OLD_DOORS = ["/admin/login/", "/_util/login/"]


@pytest.mark.parametrize("door", OLD_DOORS)
def test_the_old_sign_in_doors_send_people_to_harbors_sign_in(client, db, door):
    response = client.get(f"{door}?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/pages/"


@pytest.mark.parametrize("door", OLD_DOORS)
def test_the_old_sign_in_doors_never_sign_anyone_in(client, teacher, door):
    for password in ["guess-1", "guess-2", PASSWORD]:
        response = client.post(door, {"username": teacher.username, "password": password})
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("door", OLD_DOORS)
@pytest.mark.parametrize("target", ["https://evil.example/x", "//evil.example"])
def test_the_old_sign_in_doors_drop_a_foreign_next(client, db, door, target):
    response = client.get(door, {"next": target})
    assert "evil" not in response["Location"]
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("target", ["0", "page", "-1"])
def test_a_signed_in_visitor_with_a_relative_next_goes_home(login, student, target):
    """A `next` that is not a path was read by `redirect()` as a view's name: a 500."""
    client = login(student)
    response = client.get(f"/_util/login/?next={target}")
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_visitors_to_the_admin_sign_in_on_harbors_page_and_come_back(client, teacher):
    response = client.get("/admin/pages/", follow=True)
    assert response.request["PATH_INFO"] == "/accounts/login/"
    signed_in = client.post(
        "/accounts/login/?next=/admin/pages/",
        {"login": teacher.username, "password": PASSWORD, "next": "/admin/pages/"},
    )
    assert signed_in["Location"] == "/admin/pages/"


def test_a_student_signed_in_is_told_the_admin_is_not_for_them(login, student):
    client = login(student)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403
    assert "teachers and managers" in response.content.decode()


def test_the_admin_password_reset_leads_to_harbors(client, teacher, run_worker):
    response = client.get("/admin/password_reset/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/"
    client.post("/admin/password_reset/", {"email": teacher.email})
    run_worker()
    assert not [m for m in mail.outbox if "/admin/password_reset/" in m.body]
    assert client.get("/admin/password_reset/confirm/MQ/set-password/").status_code == 404


def test_the_admin_account_page_sends_password_and_email_changes_to_harbors_pages(login, teacher):
    client = login(teacher)
    page = client.get("/admin/account/").content.decode()
    assert "new_password1" not in page
    assert 'name="name_email-email"' not in page
    assert 'href="/accounts/password/change/"' in page
    assert 'href="/accounts/email/"' in page
    form = {"name_email-first_name": "S", "name_email-last_name": "C"}
    client.post("/admin/account/", {**form, "name_email-email": "x@evil.example"})
    teacher.refresh_from_db()
    assert teacher.email == "sarah@example.org"


@pytest.fixture
def password_page(db):
    from packets.demo import ensure_levels

    level = ensure_levels()["level-2"]
    PageViewRestriction.objects.filter(page=level).delete()
    restriction = PageViewRestriction.objects.create(
        page=level, restriction_type=PageViewRestriction.PASSWORD, password="open-sesame"
    )
    return f"/_util/authenticate_with_password/{restriction.pk}/{level.pk}/", level


def try_password(client, url, password, address, return_url="/"):
    return client.post(url, {"password": password, "return_url": return_url}, REMOTE_ADDR=address)


def test_guessing_a_page_password_is_stopped(client, password_page):
    url, level = password_page
    for _attempt in range(20):
        assert try_password(client, url, "guess", "192.0.2.66").status_code == 200
    refused = try_password(client, url, "open-sesame", "192.0.2.66")
    assert refused.status_code == 429
    assert "Too many" in refused.content.decode()
    assert try_password(client, url, "open-sesame", "203.0.113.20").status_code == 302


def test_a_classroom_typing_a_page_password_right_is_never_stopped(client, password_page):
    url, level = password_page
    for _student in range(40):
        response = try_password(client, url, "open-sesame", "198.51.100.7", level.url)
        assert response.status_code == 302
        assert response["Location"] == level.url


def test_guessing_a_document_password_is_stopped(client, db):
    collection = Collection.get_first_root_node().add_child(name="Secret worksheets")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="open-sesame",
    )
    Document.objects.create(title="Worksheet", collection=collection)
    url = f"/documents/authenticate_with_password/{restriction.pk}/"
    for _attempt in range(20):
        try_password(client, url, "guess", "192.0.2.66")
    assert try_password(client, url, "open-sesame", "192.0.2.66").status_code == 429
