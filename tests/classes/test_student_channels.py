"""A class page shows its teachers how each student is reached: by email (a verified
address), by messaging only, or on paper (which the teacher sets per class)."""

import re

import pytest
from allauth.account.models import EmailAddress

from classes.enrollment import enroll
from classes.models import Enrollment
from learning.roles import Role


def roster_line(page, name):
    """The roster's line for a student (its <li>), as text."""
    line = re.search(
        rf'<li class="active">\s*<span class="who"><bdi>{name}</bdi>.*?</li>', page, re.S
    )
    assert line, name
    return re.sub(r"<[^>]+>", " ", line.group(0))


@pytest.fixture
def students(a_class, enrolled):
    # An address set by staff is recorded as verified (learning/emails.py).
    verified = enrolled(display_name="Verified Vera", email="vera@example.org")
    assert EmailAddress.objects.filter(user=verified, verified=True).exists()
    # One the student typed and has not confirmed from their mailbox.
    unverified = enrolled(display_name="Unverified Umar")
    EmailAddress.objects.create(user=unverified, email="umar@example.org", verified=False)
    chat_only = enrolled(display_name="Chat Chen")
    return verified, unverified, chat_only


def test_the_roster_shows_each_students_channel_as_text(login, teacher, a_class, students):
    page = login(teacher).get(f"/classes/{a_class.pk}/").content.decode()
    assert "Email" in roster_line(page, "Verified Vera")
    assert "Messaging only" in roster_line(page, "Unverified Umar")
    assert "Messaging only" in roster_line(page, "Chat Chen")


def test_a_teacher_marks_a_student_for_paper_packets_and_back(login, teacher, a_class, students):
    vera = Enrollment.objects.get(student=students[0])
    client = login(teacher)
    url = f"/classes/{a_class.pk}/students/{vera.pk}/channel/"
    assert client.post(url, {"paper": "yes"})["Location"] == f"/classes/{a_class.pk}/"
    page = client.get(f"/classes/{a_class.pk}/").content.decode()
    line = roster_line(page, "Verified Vera")
    assert "Paper" in line and "Stop paper packets" in line
    assert "Verified Vera gets paper packets." in page
    client.post(url, {"paper": "no"})
    vera.refresh_from_db()
    assert not vera.paper_packets


def test_paper_is_per_class(login, teacher, a_class, make_cohort, students):
    other_class = make_cohort(teachers=[teacher], name="Saturday class")
    enroll(students[2], other_class)
    here = Enrollment.objects.get(student=students[2], cohort=a_class)
    login(teacher).post(f"/classes/{a_class.pk}/students/{here.pk}/channel/", {"paper": "yes"})
    there = Enrollment.objects.get(student=students[2], cohort=other_class)
    assert Enrollment.objects.get(pk=here.pk).paper_packets and not there.paper_packets


@pytest.mark.parametrize("value", ["", "maybe", "YES"])
def test_a_bad_choice_is_refused(login, teacher, a_class, students, value):
    chen = Enrollment.objects.get(student=students[2])
    url = f"/classes/{a_class.pk}/students/{chen.pk}/channel/"
    response = login(teacher).post(url, {"paper": value})
    assert response.status_code == 400
    chen.refresh_from_db()
    assert not chen.paper_packets


def test_another_teacher_cannot_set_paper(login, make_user, a_class, students):
    chen = Enrollment.objects.get(student=students[2])
    other = make_user(Role.TEACHER)
    url = f"/classes/{a_class.pk}/students/{chen.pk}/channel/"
    assert login(other).post(url, {"paper": "yes"}).status_code == 404
    chen.refresh_from_db()
    assert not chen.paper_packets


def test_a_student_cannot_set_paper_and_sees_no_channels(login, a_class, students):
    vera, _umar, chen = students
    client = login(vera)
    enrollment = Enrollment.objects.get(student=chen)
    url = f"/classes/{a_class.pk}/students/{enrollment.pk}/channel/"
    assert client.post(url, {"paper": "yes"}).status_code == 403
    page = client.get(f"/classes/{a_class.pk}/").content.decode()
    assert "Messaging only" not in page and "channel/" not in page


def test_an_enrollment_of_another_class_is_not_found(
    login, teacher, a_class, make_cohort, students
):
    other_class = make_cohort(name="Another class")
    elsewhere = enroll(students[2], other_class)
    url = f"/classes/{a_class.pk}/students/{elsewhere.pk}/channel/"
    assert login(teacher).post(url, {"paper": "yes"}).status_code == 404


def test_setting_paper_needs_a_post(login, teacher, a_class, students):
    chen = Enrollment.objects.get(student=students[2])
    url = f"/classes/{a_class.pk}/students/{chen.pk}/channel/"
    assert login(teacher).get(url).status_code == 405
