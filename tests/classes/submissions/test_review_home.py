"""Home panels: a teacher's work to review per class, a student's new feedback."""

import pytest

from classes.submissions.review_selectors import classes_with_work_to_review, new_feedback
from learning.roles import Role
from tests.factories import give_feedback, hand_in

pytestmark = pytest.mark.django_db


def test_a_teacher_sees_how_much_work_waits_in_each_class_with_a_link(
    login, classroom, assignments, make_class, make_user
):
    cohort, teacher, amina, ahmad = classroom
    hand_in(amina, assignments["written"])
    hand_in(ahmad, assignments["written"])
    give_feedback(teacher, hand_in(amina, assignments["quiz"]))  # returned: no longer waiting
    other_student = make_user(Role.STUDENT)
    morning = make_class(teacher=teacher, students=[other_student], name="Morning")
    hand_in(other_student, assignments["photo"])
    quiet = make_class(teacher=teacher, name="Quiet class")
    page = login(teacher).get("/").content.decode()
    assert "Work to review" in page
    assert f'<a href="/classes/{cohort.pk}/submissions/">Evening English</a> · 2 awaiting' in page
    assert f'<a href="/classes/{morning.pk}/submissions/">Morning</a> · 1 awaiting' in page
    assert f"/classes/{quiet.pk}/submissions/" not in page


def test_the_teachers_panel_is_one_query(
    classroom, assignments, make_class, make_user, django_assert_num_queries
):
    cohort, teacher, amina, ahmad = classroom
    for student in (amina, ahmad):
        hand_in(student, assignments["written"])
    with django_assert_num_queries(1):
        classes = classes_with_work_to_review(teacher)
    assert [(c.pk, c.awaiting) for c in classes] == [(cohort.pk, 2)]


def test_a_teacher_with_nothing_to_review_sees_no_panel(login, classroom):
    page = login(classroom[1]).get("/").content.decode()
    assert "Work to review" not in page


def test_a_student_sees_new_feedback_until_she_opens_it(login, classroom, assignments):
    _cohort, teacher, amina, _ahmad = classroom
    returned = hand_in(amina, assignments["written"])
    give_feedback(teacher, returned, "returned")
    revise = hand_in(amina, assignments["quiz"])
    give_feedback(teacher, revise, "revision_requested")
    waiting = hand_in(amina, assignments["photo"])  # no feedback yet
    client = login(amina)
    page = client.get("/").content.decode()
    assert "New feedback" in page
    assert f'<a href="{returned.get_absolute_url()}">Written homework</a> · Returned' in page
    assert f'<a href="{revise.get_absolute_url()}">Quiz homework</a> · Revision requested' in page
    assert waiting.get_absolute_url() not in page
    client.get(returned.get_absolute_url())
    page = client.get("/").content.decode()
    assert returned.get_absolute_url() not in page
    assert revise.get_absolute_url() in page


def test_the_students_panel_is_one_query(classroom, assignments, django_assert_num_queries):
    _cohort, teacher, amina, _ahmad = classroom
    for kind in ("written", "quiz"):
        give_feedback(teacher, hand_in(amina, assignments[kind]))
    with django_assert_num_queries(1):
        found = new_feedback(amina)
    assert len(found) == 2
    with django_assert_num_queries(0):
        [submission.assignment.title for submission in found]


def test_a_teacher_does_not_see_another_teachers_classes(login, classroom, assignments, make_user):
    _cohort, _teacher, amina, _ahmad = classroom
    hand_in(amina, assignments["written"])
    other_teacher = make_user(Role.TEACHER)
    assert classes_with_work_to_review(other_teacher) == []
