"""The class panels on the student and teacher home pages."""

from datetime import time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from classes.attendance import Mark, take_attendance
from classes.enrollment import enroll
from classes.models import SubmissionStatus
from classes.schedule import create_class
from classes.submissions.services import mark_feedback_seen, save_draft
from packets.demo import ensure_levels
from packets.models import AssignmentPage
from tests.factories import add_level, give_feedback, hand_in, publish_assignment, publish_packet

EVERY_DAY = [1, 2, 3, 4, 5, 6, 7]


@pytest.fixture
def level_with_packets(db):
    def make(slug):
        level = add_level(slug, f"Level {slug}")
        for number in (1, 2):
            title = f"{slug} week {number}"
            packet = publish_packet(level, title, number=number, summary="s", publish=False)
            due = timezone.localdate() + timedelta(days=number)
            title = f"{slug} homework {number}"
            publish_assignment(packet, title=title, due_date=due, publish=False)
        return level

    return make


def bring_to(status, student, homework, teacher):
    """The student's work on the homework at this status, through the real actions."""
    if status == SubmissionStatus.DRAFT:
        save_draft(student, homework, "A start.")
    else:
        submission = hand_in(student, homework)
        if status != SubmissionStatus.SUBMITTED:
            feedback = give_feedback(teacher, submission, status)
            # Read, so the page names the homework only where it is (or is not) due.
            mark_feedback_seen(student, feedback.submission)


def running_class(level, teacher, name="Evening class"):
    """A class meeting every day at 23:59 this week, so there is a session today and next."""
    today = timezone.localdate()
    return create_class(
        name=name,
        level=level,
        teachers=[teacher],
        term_start=today - timedelta(days=7),
        term_end=today + timedelta(days=7),
        meeting_days=EVERY_DAY,
        start_time=time(23, 59),
        duration_minutes=1,
        meeting_link="https://meet.example.org/evening",
    )


def test_a_student_sees_classes_next_session_packet_and_assignments_due(
    login, student, teacher, level_with_packets
):
    class_ = running_class(level_with_packets("level-a"), teacher)
    enroll(student, class_)
    page = login(student).get("/").content.decode()
    assert "Evening class" in page
    assert 'href="https://meet.example.org/evening"' in page
    assert "level-a week 2" in page and "level-a week 1" not in page
    assert "level-a homework 1" in page and "level-a homework 2" in page
    assert "Welcome, Amina Yusuf" in page


def test_a_student_in_classes_at_two_levels_sees_each_levels_latest_packet(
    login, student, teacher, level_with_packets
):
    for slug in ("level-a", "level-b"):
        enroll(student, running_class(level_with_packets(slug), teacher, slug))
    page = login(student).get("/").content.decode()
    assert "level-a week 2" in page and "level-b week 2" in page
    assert "level-a week 1" not in page and "level-b week 1" not in page


@pytest.mark.parametrize(
    ("status", "still_due"),
    [
        (SubmissionStatus.DRAFT, True),
        (SubmissionStatus.SUBMITTED, False),
        (SubmissionStatus.RETURNED, False),
        (SubmissionStatus.REVISION_REQUESTED, True),
    ],
)
def test_work_handed_in_is_no_longer_due_unless_the_teacher_asked_for_a_revision(
    login, student, teacher, level_with_packets, status, still_due
):
    class_ = running_class(level_with_packets("level-a"), teacher)
    enroll(student, class_)
    homework = AssignmentPage.objects.get(title="level-a homework 1")
    bring_to(status, student, homework, teacher)
    page = login(student).get("/").content.decode()
    assert ("level-a homework 1" in page) is still_due
    assert "level-a homework 2" in page


def test_a_teacher_sees_todays_sessions_and_missing_rolls(
    login, student, teacher, level_with_packets
):
    class_ = running_class(level_with_packets("level-a"), teacher)
    enroll(student, class_)
    yesterday = class_.sessions.on_day(timezone.localdate() - timedelta(days=1)).get()
    today = class_.sessions.on_day(timezone.localdate()).get()
    two_days_ago = class_.sessions.on_day(timezone.localdate() - timedelta(days=2)).get()
    take_attendance(two_days_ago, {student.pk: Mark("present", 1)}, by=teacher)
    page = login(teacher).get("/").content.decode()
    assert f'href="{today.get_absolute_url()}">Take attendance' in page
    assert "Attendance missing" in page and yesterday.get_absolute_url() in page
    assert two_days_ago.get_absolute_url() not in page


def test_a_teacher_s_home_leads_with_classes_still_running(login, teacher, level_with_packets):
    level = level_with_packets("level-a")
    running_class(level, teacher, name="Zebra evening class")
    today = timezone.localdate()
    create_class(
        name="Autumn term (ended)",
        level=level,
        teachers=[teacher],
        term_start=today - timedelta(days=60),
        term_end=today - timedelta(days=30),
        meeting_days=EVERY_DAY,
        start_time=time(10, 0),
        duration_minutes=60,
    )
    page = login(teacher).get("/").content.decode()
    assert page.index("Zebra evening class") < page.index("Autumn term (ended)")


@pytest.mark.parametrize("role", ["student", "teacher"])
def test_the_home_page_takes_the_same_queries_with_more_classes(
    login, student, teacher, level_with_packets, role, django_assert_max_num_queries
):
    user = {"student": student, "teacher": teacher}[role]
    client = login(user)
    enroll(student, running_class(level_with_packets("level-a"), teacher, "A"))
    with CaptureQueriesContext(connection) as one_class:
        client.get("/")
    for slug in ("level-b", "level-c"):
        enroll(student, running_class(level_with_packets(slug), teacher, slug))
    with django_assert_max_num_queries(len(one_class)):
        page = client.get("/").content.decode()
    assert "level-c" in page


# A student's home when it is not kept (classes/student_pages.py), with one class:
# the sign-in, the site and its page-view restrictions, the student's classes,
# sessions, packets, work, join requests, hours in class and outside it (three:
# returned work, passed quizzes, clock time), scores, flashcards, loans, device
# need and practice groups. Pinned: one query more on every uncached home should
# be a decision, not an accident.
UNCACHED_STUDENT_HOME = 25


def test_a_student_s_uncached_home_takes_a_known_number_of_queries(
    login, student, teacher, level_with_packets
):
    client = login(student)
    enroll(student, running_class(level_with_packets("level-a"), teacher, "A"))
    client.get("/")  # shows the "signed in" message: nothing is kept
    with CaptureQueriesContext(connection) as cold:
        client.get("/")
    assert len(cold) == UNCACHED_STUDENT_HOME


def test_a_student_sees_their_hours_this_term_and_latest_scores(login, student, teacher):
    from classes.attendance import Mark, take_attendance
    from classes.models import AttendanceStatus, Session

    today = timezone.localdate()
    class_ = create_class(
        name="Morning class",
        level=ensure_levels()["level-2"],
        teachers=[teacher],
        term_start=today - timedelta(days=30),
        term_end=today + timedelta(days=30),
        meeting_days=EVERY_DAY,
        start_time=time(9, 0),
        duration_minutes=120,
    )
    enroll(student, class_)
    past = Session.objects.filter(cohort=class_, starts_at__lt=timezone.now()).order_by("starts_at")
    for session in past[:2]:
        take_attendance(session, {student.pk: Mark(AttendanceStatus.PRESENT, 90)}, by=teacher)
    level = class_.level
    packet = publish_packet(level, "Week 1", summary="s", publish=False)
    quiz = publish_assignment(packet, title="Numbers quiz", points=10, due_date=None, publish=False)
    give_feedback(teacher, hand_in(student, quiz), score=8)
    page = login(student).get("/").content.decode()
    assert "Hours in class this term: 3" in page
    # The scored work a teacher returned earns the records' hour of teacher verification.
    assert "Hours of study outside class this term: 1" in page
    assert "Numbers quiz</a> · 8 / 10" in page


def test_a_student_sees_the_hours_of_work_a_teacher_returned(login, student, teacher):
    class_ = running_class(ensure_levels()["level-2"], teacher)
    enroll(student, class_)
    packet = publish_packet(class_.level, "Week 1", summary="s", publish=False)
    for title in ("A letter", "A story"):
        essay = publish_assignment(packet, title=title, kind="written", publish=False)
        give_feedback(teacher, hand_in(student, essay))
    hand_in(student, publish_assignment(packet, title="A poem", publish=False))  # not returned yet
    page = login(student).get("/").content.decode()
    assert "Hours in class this term: 0" in page
    assert "Hours of study outside class this term: 2" in page


@pytest.mark.parametrize(("days_late", "listed"), [(3, True), (15, False)])
def test_work_not_handed_in_after_its_date_stays_due_for_two_weeks_marked_late(
    login, student, teacher, level_with_packets, days_late, listed
):
    class_ = running_class(level_with_packets("level-a"), teacher)
    enroll(student, class_)
    homework = AssignmentPage.objects.get(title="level-a homework 1")
    homework.due_date = timezone.localdate() - timedelta(days=days_late)
    homework.save_revision().publish()
    page = login(student).get("/").content.decode()
    assert ("level-a homework 1" in page) is listed
    assert ('class="late"' in page) is listed
