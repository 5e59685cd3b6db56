from django.core import mail

from tests.conftest import PASSWORD


def test_sign_in_is_by_username_on_our_own_page(client, student):
    page = client.get("/accounts/login/").content.decode()
    assert 'name="login"' in page and 'autocomplete="username"' in page
    assert "Keep me signed in on this phone" in page
    response = client.post("/accounts/login/", {"login": student.username, "password": PASSWORD})
    assert response.status_code == 302
    assert "Welcome, Amina Yusuf" in client.get("/").content.decode()


def test_a_wrong_password_is_refused(client, student):
    response = client.post("/accounts/login/", {"login": student.username, "password": "nope"})
    assert response.status_code == 200
    assert "not correct" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_repeated_wrong_passwords_lock_the_account_for_a_while(client, student):
    for _attempt in range(5):
        client.post("/accounts/login/", {"login": student.username, "password": "guess"})
    response = client.post("/accounts/login/", {"login": student.username, "password": PASSWORD})
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_classroom_behind_one_address_can_all_sign_in(client, make_user):
    # 35 students from one NAT address: allauth's default of 30/m per IP would refuse some.
    for _n in range(35):
        user = make_user()
        response = client.post("/accounts/login/", {"login": user.username, "password": PASSWORD})
        assert response.status_code == 302
        client.post("/accounts/logout/")


def test_public_signup_is_closed(client, db):
    response = client.get("/accounts/signup/")
    assert "Sign up is closed" in response.content.decode()
    client.post(
        "/accounts/signup/",
        {"username": "intruder", "password1": "x-long-pass-99", "password2": "x-long-pass-99"},
    )
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(username="intruder").exists()


def test_password_reset_mails_a_known_address_and_does_not_reveal_unknown_ones(
    client, teacher, run_worker
):
    known = client.post("/accounts/password/reset/", {"email": teacher.email})
    unknown = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    run_worker()
    reset_mails = [m for m in mail.outbox if teacher.email in m.to]
    assert len(reset_mails) == 1
    assert "/accounts/password/reset/key/" in reset_mails[0].body


def test_sign_out_signs_out(login, student):
    client = login(student)
    client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session


def test_students_never_reach_the_admin(login, student):
    client = login(student)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert client.get("/admin/pages/").status_code == 302


def test_teachers_and_managers_reach_the_admin(client, teacher, manager, login):
    for user in (teacher, manager):
        login(user)
        assert client.get("/admin/").status_code == 200
        client.post("/accounts/logout/")


def test_anonymous_users_are_sent_to_sign_in_for_the_admin(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_signing_in_greets_the_student_by_name_not_username(client, make_user):
    from tests.conftest import PASSWORD

    amina = make_user(username="s-1047", display_name="Amina Yusuf")
    response = client.post(
        "/accounts/login/", {"login": "s-1047", "password": PASSWORD}, follow=True
    )
    page = response.content.decode()
    assert "Successfully signed in as Amina Yusuf." in page
    assert "s-1047" not in page
    assert amina.is_authenticated


def test_the_sign_in_greeting_is_in_the_students_language(client, make_user):
    from django.utils import translation

    from tests.conftest import PASSWORD

    make_user(username="s-2001", display_name="Nazia Rahimi", preferred_language="prs")
    response = client.post(
        "/accounts/login/", {"login": "s-2001", "password": PASSWORD}, follow=True
    )
    with translation.override("prs"):
        greeting = translation.gettext("Successfully signed in as %(name)s.")
    assert greeting != "Successfully signed in as %(name)s."
    assert greeting % {"name": "Nazia Rahimi"} in response.content.decode()
