import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from classes.attendance import Mark, take_attendance
from classes.enrollment import enroll, withdraw
from classes.models import Enrollment
from learning.roles import Role


def pages(class_):
    session = class_.sessions.first()
    base = f"/classes/{class_.pk}/"
    return {
        "class": base,
        "roll": f"{base}sessions/{session.pk}/attendance/",
        "session": f"{base}sessions/{session.pk}/",
        "add_session": f"{base}sessions/add/",
        "export": f"{base}attendance.csv",
        "add_students": f"{base}students/add/",
        "cards": f"{base}students/cards/",
    }


TEACHER_PAGES = ["roll", "session", "add_session", "export", "add_students", "cards"]


@pytest.mark.parametrize("name", ["class", *TEACHER_PAGES])
def test_anonymous_visitors_are_sent_to_sign_in(client, a_class, name):
    response = client.get(pages(a_class)[name])
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_anonymous_visitors_are_sent_to_sign_in_from_my_classes_and_join(client, db):
    for url in ("/classes/", "/classes/join/"):
        assert client.get(url)["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("name", TEACHER_PAGES)
def test_an_enrolled_student_cannot_open_teacher_pages(login, a_class, enrolled, name):
    student = enrolled()
    assert login(student).get(pages(a_class)[name]).status_code == 403


@pytest.mark.parametrize("name", ["class", *TEACHER_PAGES])
def test_a_student_of_another_class_gets_not_found(login, make_cohort, a_class, enrolled, name):
    other = make_cohort(name="Morning")
    student = enrolled(other)
    assert login(student).get(pages(a_class)[name]).status_code == 404


@pytest.mark.parametrize("name", ["class", *TEACHER_PAGES])
def test_a_teacher_of_class_a_cannot_open_class_b(login, make_cohort, make_user, teacher, name):
    make_cohort(teachers=[teacher])
    class_b = make_cohort(teachers=[make_user(Role.TEACHER)], name="Class B")
    assert login(teacher).get(pages(class_b)[name]).status_code == 404


@pytest.mark.parametrize("name", ["class", *TEACHER_PAGES])
def test_managers_open_every_class_page(login, a_class, manager, name):
    assert login(manager).get(pages(a_class)[name]).status_code == 200


def test_a_withdrawn_student_loses_access_to_the_class_page(login, a_class, student):
    enrollment = enroll(student, a_class)
    client = login(student)
    assert client.get(f"/classes/{a_class.pk}/").status_code == 200
    withdraw(enrollment)
    assert client.get(f"/classes/{a_class.pk}/").status_code == 404
    assert Enrollment.objects.filter(student=student).exists()


def test_my_classes_lists_only_my_classes(login, make_cohort, a_class, enrolled):
    make_cohort(name="Somebody else's class")
    page = login(enrolled()).get("/classes/").content.decode()
    assert a_class.name in page and "Somebody else" not in page


def test_the_class_page_shows_schedule_sessions_and_packets(login, a_class, enrolled, packet):
    page = login(enrolled()).get(f"/classes/{a_class.pk}/").content.decode()
    assert "Monday, Wednesday at 18:00 for 120 minutes" in page
    assert "Mon 7 Sep, 18:00" in page
    assert packet.title in page and f'href="{packet.url}"' in page
    assert "Students" not in page  # the roster is for teachers
    assert "attendance.csv" not in page


def test_teachers_see_the_roster_with_contact_hours_and_export_link(
    login, a_class, enrolled, teacher
):
    amina = enrolled(display_name="Amina Yusuf")
    take_attendance(a_class.sessions.first(), {amina.pk: Mark("late", 90)}, by=teacher)
    page = login(teacher).get(f"/classes/{a_class.pk}/").content.decode()
    assert "Amina Yusuf" in page and "1.50" in page
    assert f"/classes/{a_class.pk}/attendance.csv" in page
    assert a_class.join_code in page


def test_the_class_page_takes_the_same_queries_for_more_students(
    login, a_class, enrolled, teacher, packet, django_assert_max_num_queries
):
    client = login(teacher)
    for _ in range(2):
        enrolled()
    with CaptureQueriesContext(connection) as few:
        client.get(f"/classes/{a_class.pk}/")
    for _ in range(10):
        enrolled()
    with django_assert_max_num_queries(len(few)):
        client.get(f"/classes/{a_class.pk}/")


def test_the_export_downloads_csv_with_bom(login, a_class, enrolled, teacher):
    amina = enrolled(display_name="أمينة")
    take_attendance(a_class.sessions.first(), {amina.pk: Mark("present", 120)}, by=teacher)
    response = login(teacher).get(f"/classes/{a_class.pk}/attendance.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    body = response.getvalue()
    assert body.startswith(b"\xef\xbb\xbf")
    assert "أمينة" in body.decode("utf-8-sig")


def test_my_classes_takes_the_same_queries_for_more_classes(
    login, make_cohort, teacher, django_assert_max_num_queries
):
    client = login(teacher)
    make_cohort(teachers=[teacher])
    with CaptureQueriesContext(connection) as one:
        client.get("/classes/")
    for number in range(4):
        make_cohort(teachers=[teacher], name=f"Class {number}")
    with django_assert_max_num_queries(len(one)):
        page = client.get("/classes/").content.decode()
    assert "Class 3" in page and "Sarah Collins" in page


def test_a_session_link_is_shown_to_the_class(login, a_class, enrolled, teacher):
    from classes.schedule import change_session

    session = a_class.sessions.first()
    local = session.local_start
    change_session(
        session,
        day=local.date(),
        at=local.time(),
        duration_minutes=120,
        by=teacher,
        link="https://meet.example.org/special",
    )
    page = login(enrolled()).get(f"/classes/{a_class.pk}/").content.decode()
    assert 'href="https://meet.example.org/special"' in page


def test_only_sessions_that_have_started_offer_a_roll(login, a_class, teacher):
    """The class's term runs Sep–Dec 2026: sessions after today have no roll
    link (a roll cannot be taken before its session begins)."""
    from django.utils import timezone

    page = login(teacher).get(a_class.get_absolute_url()).content.decode()
    for session in a_class.sessions.all():
        roll_link = f'href="{session.get_absolute_url()}">'
        assert (roll_link in page) is (session.starts_at <= timezone.now()), session
