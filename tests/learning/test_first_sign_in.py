"""A student's first sign-in with the temporary password of their sign-in card:
their language, a password of their own, then a picture guide of Harbor; nothing
else opens until the password is theirs. Staff get the first two steps."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.core import mail
from django.utils import translation

from classes.enrollment import create_student_accounts, issue_temporary_password
from learning.roles import Role
from learning.welcome.guide import PANELS
from learning.welcome.steps import (
    Step,
    is_always_open,
    language_chosen,
    may_open,
    owed_step,
    steps_for,
)
from tests.conftest import PASSWORD

NEW_PASSWORD = "river-lantern-42"


@pytest.fixture
def new_student(make_class, teacher):
    """Gul, as her teacher just made her account: (user, the card's password)."""
    cohort = make_class(teacher=teacher)
    ((gul, password),) = create_student_accounts(
        cohort, ["Gul Wazir"], added_by=teacher, language="prs"
    )
    return gul, password


@pytest.fixture
def signed_in_new_student(client, new_student):
    gul, password = new_student
    response = client.post("/accounts/login/", {"login": gul.username, "password": password})
    assert response["Location"] == "/welcome/language/"
    return client, gul, password


def in_dari(text, **values):
    """Harbor's wording in Dari (the new student's language), never the English."""
    with translation.override("prs"):
        worded = translation.gettext(text) % values if values else translation.gettext(text)
    assert worded != (text % values if values else text)
    return worded


def choose_password(client, password=NEW_PASSWORD, again=None):
    return client.post(
        "/welcome/password/", {"password1": password, "password2": again or password}
    )


# --- the rules ------------------------------------------------------------------


def test_accounts_made_by_a_teacher_have_a_temporary_password(new_student):
    gul, _password = new_student
    assert gul.password_is_temporary


def test_a_new_password_from_the_teacher_is_temporary_again(new_student, teacher):
    gul, _password = new_student
    gul.password_is_temporary = False
    gul.save()
    issue_temporary_password(gul, by=teacher)
    gul.refresh_from_db()
    assert gul.password_is_temporary


def test_only_a_temporary_password_owes_steps(new_student, student):
    gul, _password = new_student
    session = {}
    assert owed_step(student, session) is None
    assert owed_step(gul, session) is Step.LANGUAGE
    language_chosen(gul, session, "ar")
    assert owed_step(gul, session) is Step.PASSWORD
    assert get_user_model().objects.get(pk=gul.pk).preferred_language == "ar"


def test_a_shared_phone_asks_the_next_user_for_their_language_too(new_student, make_user):
    gul, _password = new_student
    session = {}
    language_chosen(gul, session, "ar")
    other = make_user(password_is_temporary=True)
    assert owed_step(other, session) is Step.LANGUAGE


def test_students_get_the_guide_and_staff_do_not(student, teacher, manager):
    assert steps_for(student) == (Step.LANGUAGE, Step.PASSWORD, Step.GUIDE)
    assert steps_for(teacher) == steps_for(manager) == (Step.LANGUAGE, Step.PASSWORD)


def test_what_stays_open_while_a_step_is_owed(db):
    for path in ("/static/harbor/base.css", "/healthz", "/i18n/setlang/", "/favicon.ico"):
        assert is_always_open(path)
    # The service worker and the offline page it keeps: never a step in their place.
    assert is_always_open("/sw.js") and is_always_open("/offline/")
    assert not is_always_open("/") and not is_always_open("/welcome/guide/")
    assert may_open("/welcome/password/", Step.PASSWORD)
    assert may_open("/welcome/language/", Step.PASSWORD)
    assert may_open("/accounts/logout/", Step.LANGUAGE)
    assert not may_open("/welcome/password/", Step.LANGUAGE)
    assert not may_open("/welcome/guide/", Step.PASSWORD)
    assert not may_open("/accounts/password/change/", Step.PASSWORD)


# --- the guard ------------------------------------------------------------------


def test_a_new_student_is_led_to_the_steps_from_home_and_from_a_packet(
    signed_in_new_student, make_packet
):
    client, _gul, _password = signed_in_new_student
    packet = make_packet()
    for path in ("/", packet.url, "/classes/", "/accounts/password/change/", "/welcome/guide/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == "/welcome/language/", path


def test_sign_out_and_the_language_switch_stay_open(signed_in_new_student):
    client, _gul, _password = signed_in_new_student
    assert client.get("/healthz").status_code == 200
    switched = client.post("/i18n/setlang/", {"language": "ar", "next": "/welcome/language/"})
    assert switched["Location"] == "/welcome/language/"
    client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session


def test_a_student_whose_password_is_their_own_is_never_sent_to_the_steps(
    login, student, make_packet
):
    client = login(student)
    assert client.get("/").status_code == 200
    assert client.get(make_packet().url).status_code == 200
    assert client.get("/welcome/password/")["Location"] == "/accounts/password/change/"


def test_signing_in_without_a_temporary_password_goes_home(client, student):
    response = client.post("/accounts/login/", {"login": student.username, "password": PASSWORD})
    assert response["Location"] == "/"


# --- the steps ------------------------------------------------------------------


def test_the_language_step_lists_each_language_in_its_own_name(signed_in_new_student):
    client, _gul, _password = signed_in_new_student
    page = client.get("/welcome/language/").content.decode()
    for code, name in (("ar", "العربيّة"), ("uk", "Українська"), ("ht", "Kreyòl ayisyen")):
        assert f'value="{code}" lang="{code}"' in page and name in page
    assert 'value="prs" lang="prs" dir="rtl" class="primary" aria-pressed="true"' in page
    # The teacher made the account in Dari: the step speaks Dari before any choice.
    assert in_dari("Step %(step_number)s of %(step_count)s", step_number=1, step_count=3) in page


def test_a_new_student_chooses_arabic_a_password_and_sees_the_guide(signed_in_new_student):
    client, gul, card_password = signed_in_new_student
    response = client.post("/welcome/language/", {"language": "ar"})
    assert response["Location"] == "/welcome/password/"
    assert client.cookies["django_language"].value == "ar"

    page = client.get("/welcome/password/").content.decode()
    assert 'lang="ar" dir="rtl"' in page
    with translation.override("ar"):
        assert translation.gettext("New password") in page

    response = choose_password(client)
    assert response["Location"] == "/welcome/guide/"
    gul.refresh_from_db()
    assert not gul.password_is_temporary and gul.preferred_language == "ar"
    assert gul.check_password(NEW_PASSWORD) and not gul.check_password(card_password)
    assert client.get("/").status_code == 200  # still signed in, and free to go anywhere


def test_the_guide_goes_through_five_pictures_to_home(signed_in_new_student):
    client, _gul, _password = signed_in_new_student
    client.post("/welcome/language/", {"language": "en"})
    choose_password(client)
    path, seen = "/welcome/guide/", []
    while path != "/":
        page = client.get(path).content.decode()
        seen.append(page.split("<h1>")[1].split("</h1>")[0])
        assert 'src="/static/harbor/guide/' in page
        links = [part.split('"')[0] for part in page.split('class="button primary" href="')[1:]]
        path = links[0]
    assert seen == ["Your home", "A packet", "Your work", "Chat", "Flashcards"]
    assert "Start" in page


def test_staff_with_a_temporary_password_choose_a_language_and_password_only(client, make_user):
    teacher = make_user(Role.TEACHER, password_is_temporary=True)
    client.post("/accounts/login/", {"login": teacher.username, "password": PASSWORD})
    assert "Step 1 of 2" in client.get("/welcome/language/").content.decode()
    assert client.get("/admin/")["Location"] == "/welcome/language/"
    client.post("/welcome/language/", {"language": "fr"})
    assert choose_password(client)["Location"] == "/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("data", [{}, {"language": ""}, {"language": "xx"}, {"language": "ar\x00"}])
def test_a_language_harbor_does_not_offer_is_refused(signed_in_new_student, data):
    client, gul, _password = signed_in_new_student
    response = client.post("/welcome/language/", data)
    assert response.status_code == 400
    assert in_dari("Choose one of these languages.") in response.content.decode()
    assert client.get("/welcome/password/")["Location"] == "/welcome/language/"


@pytest.mark.parametrize(
    ("password", "again", "says"),
    [
        ("river-lantern-42", "river-lantern-43", "the same password"),
        ("short", "short", "too short"),
        ("12345678901", "12345678901", "entirely numeric"),
        ("", "", "required"),
    ],
)
def test_a_password_that_will_not_do_is_refused_with_the_reason(
    signed_in_new_student, password, again, says
):
    client, gul, _password = signed_in_new_student
    client.post("/welcome/language/", {"language": "en"})
    response = choose_password(client, password, again)
    assert response.status_code == 400
    assert says in response.content.decode()
    gul.refresh_from_db()
    assert gul.password_is_temporary


def test_the_password_on_the_card_is_not_a_new_password(signed_in_new_student):
    client, gul, card_password = signed_in_new_student
    client.post("/welcome/language/", {"language": "en"})
    response = choose_password(client, card_password)
    assert response.status_code == 400
    assert "not the one on your card" in response.content.decode()


def test_a_password_reset_by_email_makes_the_password_ones_own(client, make_user, run_worker):
    """allauth's other ways to set a password (reset, change) clear the flag too:
    they all go through the adapter's set_password."""
    nadia = make_user(email="nadia@example.org", password_is_temporary=True)
    client.post("/accounts/password/reset/", {"email": nadia.email})
    run_worker()
    link = next(line for line in mail.outbox[-1].body.splitlines() if "/reset/key/" in line)
    form_page = client.get(link.strip(), follow=True)
    client.post(
        form_page.redirect_chain[-1][0], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    nadia.refresh_from_db()
    assert nadia.check_password(NEW_PASSWORD) and not nadia.password_is_temporary


# --- who may ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/welcome/language/", "/welcome/password/", "/welcome/guide/", "/welcome/guide/chat/"]
)
def test_visitors_are_sent_to_sign_in(client, db, path):
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_the_guide_stays_reachable_from_a_students_home(login, student, teacher):
    client = login(student)
    assert 'href="/welcome/guide/"' in client.get("/").content.decode()
    client.post("/accounts/logout/")
    assert 'href="/welcome/guide/"' not in login(teacher).get("/").content.decode()


def test_the_guide_has_no_such_panel_and_takes_no_posts(login, student):
    client = login(student)
    assert client.get("/welcome/guide/nowhere/").status_code == 404
    assert client.post("/welcome/guide/").status_code == 405


def test_the_guides_pictures_are_tiny(db):
    for panel in PANELS:
        path = finders.find(panel.picture)
        assert path, panel.picture
        with open(path, "rb") as picture:
            assert len(picture.read()) < 3000, panel.picture
