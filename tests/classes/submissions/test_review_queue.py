"""The class's review queue: work awaiting feedback, oldest first, for its teachers."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from classes.enrollment import enroll
from learning.roles import Role
from tests.classes.submissions.conftest import publish_assignment
from tests.factories import give_feedback, hand_in

pytestmark = pytest.mark.django_db


def queue_url(cohort, status=None):
    return f"/classes/{cohort.pk}/submissions/" + (f"?status={status}" if status else "")


def test_the_queue_lists_work_awaiting_feedback_oldest_first(login, classroom, assignments):
    cohort, teacher, amina, ahmad = classroom
    now = timezone.now()
    hand_in(ahmad, assignments["written"], now=now - timedelta(hours=1))
    hand_in(amina, assignments["photo"], now=now - timedelta(days=1))
    page = login(teacher).get(queue_url(cohort)).content.decode()
    first = "<bdi>Amina Yusuf</bdi> · Photo homework"
    second = "<bdi>Ahmad Rahimi</bdi> · Written homework"
    assert page.index(first) < page.index(second)
    assert "Week 4: Reading a bus schedule" in page
    assert "Photo of paper work" in page and "Written answer" in page


def test_late_work_is_marked(login, classroom, bus_packet):
    cohort, teacher, amina, _ahmad = classroom
    overdue = publish_assignment(bus_packet, "written", due_date=timezone.localdate())
    hand_in(amina, overdue, now=overdue.due_at + timedelta(minutes=5))
    page = login(teacher).get(queue_url(cohort)).content.decode()
    assert '<strong class="late">Late</strong>' in page


def test_returned_work_leaves_the_queue_and_shows_under_its_filter(login, classroom, assignments):
    cohort, teacher, amina, ahmad = classroom
    returned = hand_in(amina, assignments["written"])
    revise = hand_in(ahmad, assignments["written"])
    waiting = hand_in(amina, assignments["quiz"])
    give_feedback(teacher, returned, "returned")
    give_feedback(teacher, revise, "revision_requested")
    client = login(teacher)
    awaiting = client.get(queue_url(cohort)).content.decode()
    assert waiting.get_absolute_url() in awaiting
    assert returned.get_absolute_url() not in awaiting
    returned_page = client.get(queue_url(cohort, "returned")).content.decode()
    assert returned.get_absolute_url() in returned_page
    assert revise.get_absolute_url() not in returned_page
    revision_page = client.get(queue_url(cohort, "revision_requested")).content.decode()
    assert revise.get_absolute_url() in revision_page
    assert returned.get_absolute_url() not in revision_page


def test_drafts_and_other_classes_work_are_not_in_the_queue(
    login, classroom, assignments, make_class, make_user
):
    from classes.submissions.services import save_draft

    cohort, teacher, amina, _ahmad = classroom
    save_draft(amina, assignments["written"], "Half an ans")
    stranger = make_user(Role.STUDENT, display_name="Other Student")
    make_class(students=[stranger], name="Morning")
    hand_in(stranger, assignments["written"])
    page = login(teacher).get(queue_url(cohort)).content.decode()
    assert "No work is waiting for feedback." in page
    assert "Other Student" not in page


def test_an_unknown_filter_says_so_and_shows_the_work_awaiting_feedback(
    login, classroom, assignments
):
    cohort, teacher, amina, _ahmad = classroom
    waiting = hand_in(amina, assignments["written"])
    page = login(teacher).get(queue_url(cohort, "everything")).content.decode()
    assert "That list does not exist" in page
    assert waiting.get_absolute_url() in page


def test_a_manager_opens_any_class_queue(login, classroom, assignments, manager):
    cohort, _teacher, amina, _ahmad = classroom
    waiting = hand_in(amina, assignments["written"])
    response = login(manager).get(queue_url(cohort))
    assert response.status_code == 200
    assert waiting.get_absolute_url() in response.content.decode()


def test_an_enrolled_student_is_refused(login, classroom):
    cohort, _teacher, amina, _ahmad = classroom
    assert login(amina).get(queue_url(cohort)).status_code == 403


def test_a_student_or_teacher_of_another_class_gets_not_found(
    login, client, classroom, make_class, make_user
):
    cohort = classroom[0]
    outsider = make_user(Role.STUDENT)
    other_teacher = make_user(Role.TEACHER)
    make_class(teacher=other_teacher, students=[outsider], name="Morning")
    assert login(outsider).get(queue_url(cohort)).status_code == 404
    client.logout()
    assert login(other_teacher).get(queue_url(cohort)).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, classroom):
    response = client.get(queue_url(classroom[0]))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_queue_takes_the_same_number_of_queries_for_one_or_many(
    login, classroom, assignments, make_user
):
    cohort, teacher, amina, _ahmad = classroom
    client = login(teacher)
    hand_in(amina, assignments["written"])
    small = count_queries(client, queue_url(cohort))
    for _number in range(6):
        student = make_user(Role.STUDENT)
        enroll(student, cohort)
        for kind in ("written", "photo", "quiz"):
            hand_in(student, assignments[kind])
    assert count_queries(client, queue_url(cohort)) == small
    assert small <= 8, small
