"""A teacher reviews work on a phone: the assignment table scrolls sideways with the
students' names in view, and feedback is sent from the submission page."""

import pytest

from classes.models import Feedback
from learning.roles import Role
from packets.demo import ensure_levels
from tests.conftest import PASSWORD
from tests.factories import hand_in, publish_assignment, publish_packet

# The live server needs committed data (see tests/conftest.py on transactional tests).
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def wide_class(make_class, make_user, teacher):
    """A class with three students and eight assignments: wider than a phone.
    The packet is published before the class exists: publishing into a class's level
    announces it in the class chat, which cannot broadcast beside Playwright's loop."""
    packet = publish_packet(ensure_levels()["level-2"], "Week 1", number=1, summary="s")
    assignments = [
        publish_assignment(packet, "written", title=f"Homework {n}") for n in range(1, 9)
    ]
    students = [make_user(Role.STUDENT, display_name=f"Student number {n}") for n in (1, 2, 3)]
    cohort = make_class(teacher=teacher, students=students)
    return cohort, students, assignments


def test_the_assignment_table_scrolls_sideways_with_names_in_view(sign_in, teacher, wide_class):
    cohort, students, assignments = wide_class
    hand_in(students[0], assignments[-1])
    page = sign_in(teacher, PASSWORD)
    page.goto(f"/classes/{cohort.pk}/assignments/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    region = page.locator(".table-scroll")
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")
    region.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    name = page.get_by_role("rowheader", name="Student number 1")
    box = name.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert page.get_by_role("link", name="Submitted").is_visible()


def test_a_teacher_sends_feedback_from_a_phone(sign_in, teacher, wide_class):
    _cohort, students, assignments = wide_class
    submission = hand_in(students[0], assignments[0], text="I go to work by bus.")
    page = sign_in(teacher, PASSWORD)
    page.goto(submission.get_absolute_url())
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.get_by_label("Feedback").fill("Good sentence!")
    page.get_by_label("Score (0 to 10)").fill("9")
    page.get_by_role("button", name="Send feedback").tap()
    page.wait_for_selector(".messages .success")
    feedback = Feedback.objects.get()
    assert (feedback.text, feedback.score, feedback.status) == ("Good sentence!", 9, "returned")
