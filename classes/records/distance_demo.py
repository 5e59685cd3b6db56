"""A demo distance learner: student9 studies at home in an online level 3 class
that meets once a week for an hour. She came to the first CHECK_INS live
sessions and hands in her work, which teacher1 returns: most of her hours are
proxy hours (classes/records/proxy.py), so she is a distance learner in NRS
Table 4C, and with at least 12 hours a participant. Called from classes/demo.py
after the other classes and their work. Idempotent: the class is found by name,
her work by assignment, the rolls only for sessions without one."""

from dataclasses import replace
from datetime import time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from classes.attendance import Mark, take_attendance
from classes.enrollment import enroll
from classes.models import AttendanceStatus, Class, Enrollment, Submission
from classes.records.demo import demo_term_start
from classes.schedule import create_class
from classes.submissions.demo import DemoWork, answer, hand_in
from packets.demo import ensure_levels
from packets.demo_home_study import HOME_STUDY, home_study_packet
from packets.models import AssignmentPage

NAME = "Level 3 · Distance learning (Thursday check-in)"
STUDENT, TEACHER = "student9", "teacher1"
CHECK_INS = 4  # live sessions attended: 4 hours, beside 8 proxy hours
WEEKS = 14

# Her work: the level's two packet assignments and the six home-study tasks,
# each returned by the teacher (the quiz passes by itself: learner mastery).
WORK = [
    DemoWork(STUDENT, "bus-schedule-quiz", 140),
    DemoWork(STUDENT, "signs-near-me", 120, teacher=TEACHER, feedback="Good photos!"),
    *(
        DemoWork(
            STUDENT,
            slug,
            100 - 12 * index,
            text="I get up at six. I take the bus to work. In the evening I study English.",
            teacher=TEACHER,
            feedback="Well written. Keep going!",
        )
        for index, (slug, _title, _how) in enumerate(HOME_STUDY["tasks"])
    ),
]


def distance_class(teacher):
    existing = Class.objects.filter(name=NAME).first()
    if existing is not None:
        return existing
    start = demo_term_start()
    return create_class(
        name=NAME,
        level=ensure_levels()["level-3"],
        teachers=[teacher],
        term_start=start,
        term_end=start + timedelta(weeks=WEEKS, days=-1),
        meeting_days=[4],
        start_time=time(19, 0),
        duration_minutes=60,
        mode="online",
        meeting_link="https://meet.example.org/harbor-level-3-distance",
    )


def take_rolls(class_, student, teacher, now):
    """Present at the first CHECK_INS held sessions, absent at the later ones."""
    held = class_.sessions.held().started(now).order_by("starts_at")
    missing = set(class_.sessions.roll_missing(now).values_list("pk", flat=True))
    for index, session in enumerate(held):
        if session.pk not in missing:
            continue
        if index < CHECK_INS:
            mark = Mark(AttendanceStatus.PRESENT, session.duration_minutes)
        else:
            mark = Mark(AttendanceStatus.ABSENT, 0)
        take_attendance(session, {student.pk: mark}, by=teacher)


def hand_in_work(student, teacher, now):
    slugs = [item.assignment for item in WORK]
    assignments = {a.slug: a for a in AssignmentPage.objects.live().filter(slug__in=slugs)}
    added = 0
    for item in WORK:
        assignment = assignments.get(item.assignment)
        if (
            assignment is None
            or Submission.objects.filter(student=student, assignment=assignment).exists()
        ):
            continue
        # Handed in within the term, so the work is dated after her enrollment.
        hand_in(replace(item, late=False), student, assignment, now)
        if item.teacher:
            answer(item, teacher, student, assignment)
        added += 1
    return added


def load(log):
    people = get_user_model().objects.filter(username__in=[STUDENT, TEACHER])
    people = {person.username: person for person in people}
    student, teacher = people[STUDENT], people[TEACHER]
    now = timezone.now()
    home_study_packet(ensure_levels(), timezone.localdate())
    class_ = distance_class(teacher)
    if not Enrollment.objects.filter(student=student, cohort=class_).exists():
        enroll(student, class_, added_by=teacher)
    take_rolls(class_, student, teacher, now)
    added = hand_in_work(student, teacher, now)
    log(f"a distance learner ({STUDENT}) in {NAME}: {added} new pieces of work")
