"""A demo class from an earlier term, so that the demo has students who exited
and came back (two periods of participation): student3 attended it all term and
was a participant, student4 came twice (4 hours: a reportable individual). The
term ended more than 90 days before the current one began, with no session in
between, so both exited on their last day of service there and re-entered this
term. Called from classes/demo.py after the current classes."""

from datetime import time, timedelta

from django.contrib.auth import get_user_model

from classes.attendance import Mark, take_attendance
from classes.enrollment import enroll
from classes.models import AttendanceStatus, Class, Enrollment, EnrollmentStatus
from classes.records.demo import demo_term_start
from classes.schedule import create_class
from packets.demo import ensure_levels

NAME = "Earlier term · Level 2 · Mon & Wed"
WEEKS = 10
# username: how many of the first sessions they came to (absent after that)
CAME = {"student3": None, "student4": 2}  # None: every session


def earlier_class(teacher):
    start = demo_term_start() - timedelta(weeks=WEEKS + 16)
    start -= timedelta(days=start.weekday())  # a Monday
    return create_class(
        name=NAME,
        level=ensure_levels()["level-2"],
        teachers=[teacher],
        term_start=start,
        term_end=start + timedelta(weeks=WEEKS, days=-3),
        meeting_days=[1, 3],
        start_time=time(18, 0),
        meeting_link="https://meet.example.org/harbor-level-2",
    )


def mark(index, came, minutes):
    if came is None or index < came:
        return Mark(AttendanceStatus.PRESENT, minutes)
    return Mark(AttendanceStatus.ABSENT, 0)


def load(log):
    if Class.objects.filter(name=NAME).exists():
        return  # already loaded (perhaps on another day): never twice
    people = get_user_model().objects.filter(username__in=[*CAME, "teacher1"])
    people = {person.username: person for person in people}
    class_ = earlier_class(people["teacher1"])
    for username in CAME:
        enroll(people[username], class_, added_by=people["teacher1"])
    for index, session in enumerate(class_.sessions.order_by("starts_at")):
        marks = {
            people[u].pk: mark(index, came, session.duration_minutes) for u, came in CAME.items()
        }
        take_attendance(session, marks, by=people["teacher1"])
    # The term is over: the enrollments ended with it, as a teacher would record.
    Enrollment.objects.filter(cohort=class_).update(
        status=EnrollmentStatus.COMPLETED, ended_on=class_.term_end
    )
    log(f"an earlier term's class ({NAME}): exits and re-entries for student3 and student4")
