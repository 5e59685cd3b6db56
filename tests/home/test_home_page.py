import pytest

from tests.pages import page_scripts


@pytest.mark.django_db
def test_visitors_are_invited_to_sign_in(client):
    page = client.get("/").content.decode()
    assert "Learn English with your class" in page
    assert 'href="/accounts/login/"' in page


def test_a_student_is_greeted_by_name_and_role(login, student):
    page = login(student).get("/").content.decode()
    assert "Welcome, Amina Yusuf" in page
    assert "this week&#x27;s work" in page
    assert 'href="/admin/"' not in page


def test_a_teacher_is_greeted_and_offered_the_admin(login, teacher):
    page = login(teacher).get("/").content.decode()
    assert "Welcome, Sarah Collins" in page
    assert "today&#x27;s sessions" in page
    assert 'href="/admin/"' in page


def test_a_manager_is_greeted_as_a_manager(login, manager):
    page = login(manager).get("/").content.decode()
    assert "Here is how every level is doing." in page


def test_the_page_needs_no_script_and_no_third_party(client, db):
    page = client.get("/").content.decode()
    assert page_scripts(page) == []
    assert "http://" not in page.replace("http://localhost", "") and "https://" not in page


@pytest.mark.parametrize(
    ("role", "shown"), [("manager", True), ("teacher", True), ("student", False)]
)
def test_managers_and_teachers_find_the_records_from_home(db, request, login, role, shown):
    page = login(request.getfixturevalue(role)).get("/").content.decode()
    assert ('href="/records/"' in page) is shown


def test_a_manager_finds_every_class_from_home(login, manager, make_class):
    """Managers move students, answer join requests and run any class: from
    the class list, which only their home links to (teachers list their own)."""
    cohort = make_class(name="Sunday conversation")
    client = login(manager)
    assert 'href="/classes/"' in client.get("/").content.decode()
    assert f'href="/classes/{cohort.pk}/"' in client.get("/classes/").content.decode()
