import pytest

from classes.models import Class

FORM = {
    "name": "Evening Level 2",
    "term_start": "2026-09-07",
    "term_end": "2026-09-20",
    "meeting_days": ["1", "3"],
    "start_time": "18:00",
    "duration_minutes": "120",
    "mode": "online",
    "meeting_link": "https://meet.example.org/x",
}


def test_a_teacher_creates_a_class_with_its_sessions(login, teacher, level):
    response = login(teacher).post(
        "/classes/new/", {**FORM, "level": level.pk, "teachers": [teacher.pk]}
    )
    class_ = Class.objects.get()
    assert response["Location"] == f"/classes/{class_.pk}/"
    assert list(class_.teachers.all()) == [teacher]
    assert class_.sessions.count() == 4


def test_a_term_that_ends_before_it_starts_is_refused(login, teacher, level):
    form = {**FORM, "level": level.pk, "teachers": [teacher.pk], "term_end": "2026-09-01"}
    page = login(teacher).post("/classes/new/", form).content.decode()
    assert "The term must end after it starts." in page
    assert not Class.objects.exists()


def test_students_cannot_create_classes(login, student):
    assert login(student).get("/classes/new/").status_code == 403


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in_to_create_a_class(client):
    assert client.get("/classes/new/")["Location"].startswith("/accounts/login/")


def test_a_class_name_with_a_line_break_is_refused(login, teacher, level):
    """Issue 12: a line break in the name broke every mailing of the class."""
    form = {**FORM, "level": level.pk, "teachers": [teacher.pk], "name": "Evening\nLevel 2"}
    response = login(teacher).post("/classes/new/", form)
    assert response.status_code == 400
    assert "without line breaks" in response.content.decode()
    assert not Class.objects.exists()
