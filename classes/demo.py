"""Demo classes: three cohorts on different levels, a term that started six weeks
ago, and realistic attendance for past sessions, made with the real action functions."""

import random
from datetime import time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from classes.attendance import Mark, take_attendance
from classes.chat.demo import load_chat
from classes.enrollment import ask_to_join, enroll
from classes.intake import demo as intake_demo
from classes.loans import demo as loans_demo
from classes.models import AttendanceStatus, Class, Enrollment, JoinRequest
from classes.notices import demo as notices_demo
from classes.practice.demo import load_practice
from classes.records import clock_demo, distance_demo, past_term_demo
from classes.records import demo as records_demo
from classes.schedule import create_class
from classes.sharing import choose_share_language
from classes.submissions.demo import load_submissions
from packets.demo import ensure_levels

TERM_WEEKS = 14

# name, level slug, teacher, ISO weekdays, start, minutes, mode, link, students
DEMO_CLASSES = [
    (
        "Level 2 · Mon & Wed evening",
        "level-2",
        "teacher1",
        [1, 3],
        time(18, 0),
        120,
        "online",
        "https://meet.example.org/harbor-level-2",
        ["student1", "student2", "student3", "student4"],
    ),
    (
        "Level 4 · Tue & Thu evening",
        "level-4",
        "teacher2",
        [2, 4],
        time(18, 30),
        120,
        "hybrid",
        "https://meet.example.org/harbor-level-4",
        ["student5", "student6", "student7", "student8"],
    ),
    (
        "Level 1 · Saturday morning",
        "level-1",
        "teacher1",
        [6],
        time(10, 0),
        150,
        "in_person",
        "",
        ["student2", "student3", "student5"],
    ),
]

# Where the in-person and hybrid demo classes meet: (room, address).
DEMO_PLACES = {
    "Level 4 · Tue & Thu evening": ("Room 12, second floor", "Riverside Library\n40 Main Street"),
    "Level 1 · Saturday morning": ("Community room", "St. Mark's Hall\n7 Elm Road"),
}

# The Saturday class's students read Dari best: its teacher's Share messages
# are worded in Dari (classes/sharing.py), whatever language teacher1 uses.
DEMO_SHARE_LANGUAGES = {"Level 1 · Saturday morning": "prs"}


def ensure_class(row, levels, people):
    name, slug, teacher, days, start, minutes, mode, link, _students = row
    existing = Class.objects.filter(name=name).first()
    if existing is not None:
        return existing
    term_start = timezone.localdate() - timedelta(weeks=6)
    term_start -= timedelta(days=term_start.weekday())  # a Monday
    return create_class(
        name=name,
        level=levels[slug],
        teachers=[people[teacher]],
        term_start=term_start,
        term_end=term_start + timedelta(weeks=TERM_WEEKS, days=-1),
        meeting_days=days,
        start_time=start,
        duration_minutes=minutes,
        mode=mode,
        meeting_link=link,
        room=DEMO_PLACES.get(name, ("", ""))[0],
        address=DEMO_PLACES.get(name, ("", ""))[1],
    )


def demo_mark(rng, minutes):
    """Mostly present; a few late arrivals, absences and excused absences."""
    roll = rng.random()
    if roll < 0.08:
        return Mark(AttendanceStatus.LATE, minutes - rng.choice((15, 20, 30, 45)))
    if roll < 0.14:
        return Mark(AttendanceStatus.ABSENT, 0)
    if roll < 0.17:
        return Mark(AttendanceStatus.EXCUSED, 0)
    return Mark(AttendanceStatus.PRESENT, minutes)


def fill_past_rolls(class_, now):
    """Rolls for past sessions, except the latest: it waits for the teacher."""
    students = list(
        Enrollment.objects.active().for_class(class_).values_list("student_id", flat=True)
    )
    teacher = class_.teachers.first()
    count = 0
    latest = class_.sessions.held().started(now).order_by("-starts_at").first()
    for session in class_.sessions.roll_missing(now).exclude(pk=getattr(latest, "pk", None)):
        rng = random.Random(f"{class_.name}:{session.starts_at.isoformat()}")
        marks = {sid: demo_mark(rng, session.duration_minutes) for sid in students}
        take_attendance(session, marks, by=teacher)
        count += 1
    return count


def ask_to_move_up(people):
    """student4 (level 2) used the level 4 class's code: teacher2 sees the request."""
    higher = Class.objects.get(name=DEMO_CLASSES[1][0])
    student = people["student4"]
    if not JoinRequest.objects.filter(student=student, cohort=higher).exists():
        ask_to_join(student, higher)


def load(log):
    levels = ensure_levels()
    usernames = {u for row in DEMO_CLASSES for u in (row[2], *row[8])}
    people = {u.username: u for u in get_user_model().objects.filter(username__in=usernames)}
    rolls = messages = 0
    for row in DEMO_CLASSES:
        class_ = ensure_class(row, levels, people)
        if class_.name in DEMO_SHARE_LANGUAGES:
            choose_share_language(class_, DEMO_SHARE_LANGUAGES[class_.name])
        for username in row[8]:
            if not Enrollment.objects.filter(student=people[username], cohort=class_).exists():
                enroll(people[username], class_, added_by=people[row[2]])
        rolls += fill_past_rolls(class_, timezone.now())
        students = [people[username] for username in row[8]]
        messages += load_chat(class_, people[row[2]], students)
    ask_to_move_up(people)
    log(f"{len(DEMO_CLASSES)} classes, {rolls} new attendance rolls, {messages} chat messages")
    log(f"{load_submissions()} new pieces of students' work")
    records_demo.load(log)
    past_term_demo.load(log)
    clock_demo.load(log)
    distance_demo.load(log)
    intake_demo.load(log)
    loans_demo.load(log)
    notices_demo.load(log)
    load_practice(log)
