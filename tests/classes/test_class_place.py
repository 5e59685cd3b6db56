"""In-person and hybrid classes have a place (room and address): set when the class
is made or later by its teachers, shown on the class page and the students' home."""

import re
from datetime import time, timedelta

import pytest
from django.utils import timezone

from classes.enrollment import enroll
from classes.models import Class
from classes.place import change_place
from classes.schedule import create_class
from tests.classes.test_new_class_page import FORM

ADDRESS = "Riverside Library\n40 Main Street, Springfield"
PLACE = "Room 12, Riverside Library, 40 Main Street, Springfield"


def teacher_text(page, text):
    """`text` is inside an element marked as English, left to right."""
    marked = re.findall(r'<(\w+)[^>]*lang="en" dir="ltr"[^>]*>(.*?)</\1>', page, re.S)
    return any(text in inner for _tag, inner in marked)


@pytest.fixture
def in_person(a_class):
    return change_place(a_class, mode="in_person", address=ADDRESS, room="Room 12")


def test_place_text_is_the_room_and_address_on_one_line(in_person):
    assert in_person.place_text() == PLACE


def test_an_online_class_has_no_place_text(in_person):
    in_person.mode = "online"
    assert in_person.place_text() == ""


def test_a_teacher_makes_an_in_person_class_with_its_place(login, teacher, level):
    form = {**FORM, "level": level.pk, "teachers": [teacher.pk], "mode": "hybrid"}
    form |= {"room": "Room 12", "address": ADDRESS}
    assert login(teacher).post("/classes/new/", form).status_code == 302
    assert Class.objects.get().place_text() == PLACE


def test_an_in_person_class_without_an_address_is_refused(login, teacher, level):
    form = {**FORM, "level": level.pk, "teachers": [teacher.pk], "mode": "in_person"}
    response = login(teacher).post("/classes/new/", form)
    assert response.status_code == 400
    assert "Write the address where the class meets" in response.content.decode()
    assert not Class.objects.exists()


def test_the_class_page_shows_the_place_marked_as_english(login, in_person, enrolled):
    student = enrolled()
    page = login(student).get(f"/classes/{in_person.pk}/").content.decode()
    assert "Where the class meets" in page
    assert teacher_text(page, "Room 12") and teacher_text(page, "40 Main Street, Springfield")
    assert f"/classes/{in_person.pk}/place/" not in page  # students do not change it


def test_a_teacher_changes_where_the_class_meets(login, teacher, a_class):
    client = login(teacher)
    page = client.get(f"/classes/{a_class.pk}/").content.decode()
    assert f"/classes/{a_class.pk}/place/" in page
    assert client.get(f"/classes/{a_class.pk}/place/").status_code == 200
    form = {"mode": "in_person", "room": "Room 3", "address": "Town Hall\n1 Market Square"}
    response = client.post(f"/classes/{a_class.pk}/place/", form)
    assert response["Location"] == f"/classes/{a_class.pk}/"
    a_class.refresh_from_db()
    assert a_class.place_text() == "Room 3, Town Hall, 1 Market Square"


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"mode": "hybrid", "room": "Room 3", "address": "  "}, "Write the address"),
        ({"mode": "on_the_moon", "address": "x"}, "Select a valid choice"),
        ({"mode": "in_person", "room": "Room 3\nRoom 4", "address": "x"}, ""),
        ({"mode": "in_person", "address": "x" * 301}, "at most 300"),
    ],
)
def test_a_bad_place_is_refused_with_the_reason(login, teacher, a_class, form, message):
    response = login(teacher).post(f"/classes/{a_class.pk}/place/", form)
    assert response.status_code == 400
    assert message in response.content.decode()
    a_class.refresh_from_db()
    assert a_class.mode == "online" and a_class.address == ""


def test_another_teacher_cannot_change_the_place(login, make_user, a_class):
    from learning.roles import Role

    other = make_user(Role.TEACHER)
    form = {"mode": "in_person", "room": "Room 3", "address": "Elsewhere"}
    assert login(other).post(f"/classes/{a_class.pk}/place/", form).status_code == 404
    a_class.refresh_from_db()
    assert a_class.address == ""


def test_a_student_of_the_class_cannot_change_the_place(login, a_class, enrolled):
    student = enrolled()
    form = {"mode": "in_person", "room": "Room 3", "address": "Elsewhere"}
    client = login(student)
    assert client.get(f"/classes/{a_class.pk}/place/").status_code == 403
    assert client.post(f"/classes/{a_class.pk}/place/", form).status_code == 403
    a_class.refresh_from_db()
    assert a_class.address == ""


def test_a_manager_changes_the_place_of_any_class(login, manager, a_class):
    form = {"mode": "hybrid", "room": "", "address": "Town Hall"}
    assert login(manager).post(f"/classes/{a_class.pk}/place/", form).status_code == 302
    a_class.refresh_from_db()
    assert a_class.place_text() == "Town Hall"


def test_the_students_home_shows_where_the_next_session_and_the_class_meet(
    login, student, teacher, level
):
    tomorrow = timezone.localdate() + timedelta(days=1)
    class_ = create_class(
        name="Saturday class",
        level=level,
        teachers=[teacher],
        term_start=tomorrow,
        term_end=tomorrow + timedelta(days=14),
        meeting_days=[1, 2, 3, 4, 5, 6, 7],
        start_time=time(10, 0),
        mode="in_person",
        room="Room 12",
        address=ADDRESS,
    )
    enroll(student, class_)
    page = login(student).get("/").content.decode()
    assert page.count(PLACE) == 2  # the next session and the list of classes
    assert teacher_text(page, PLACE)
