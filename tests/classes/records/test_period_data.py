"""Periods of participation loaded from the roll: the attended minutes of held
sessions, in three queries however many students and sessions."""

from datetime import date
from decimal import Decimal

import pytest

from classes.attendance import Mark, take_attendance
from classes.enrollment import enroll
from classes.records.period_data import (
    attended_service,
    counted_records,
    enrollment_spans,
    periods_by_student,
    periods_of_student,
    session_days,
)
from classes.schedule import set_cancelled
from learning.roles import Role
from packets.demo import ensure_levels
from tests.factories import open_class


@pytest.fixture
def spring_class(db, teacher):
    """A class of spring 2025, Monday and Wednesday, two hours."""
    return open_class(
        ensure_levels()["level-2"],
        [teacher],
        name="Spring 2025",
        term_start=date(2025, 3, 3),
        term_end=date(2025, 6, 13),
    )


def attend(class_, student, count, teacher, mark=None):
    for session in class_.sessions.order_by("starts_at")[:count]:
        take_attendance(session, {student.pk: mark or Mark("present", 120)}, by=teacher)


def test_a_student_back_after_a_year_has_two_periods(make_class, spring_class, teacher, student):
    enroll(student, spring_class)
    attend(spring_class, student, 3, teacher)  # 3, 5 and 10 March 2025
    autumn = make_class(teacher=teacher, students=[student])
    attend(autumn, student, 4, teacher)  # 7, 9, 14 and 16 September 2026
    first, second = periods_of_student(student, today=date(2026, 9, 20))
    assert (first.start, first.exit_date, first.hours) == (
        date(2025, 3, 3),
        date(2025, 3, 10),
        Decimal("6.00"),
    )
    assert (second.start, second.exit_date, second.hours) == (
        date(2026, 9, 7),
        None,
        Decimal("8.00"),
    )
    assert not first.is_participant and not second.is_participant


def test_absences_and_cancelled_sessions_are_no_service(make_class, teacher, student):
    autumn = make_class(teacher=teacher, students=[student])
    attend(autumn, student, 2, teacher, Mark("absent", 0))
    first_held = autumn.sessions.order_by("starts_at")[2]
    take_attendance(first_held, {student.pk: Mark("late", 90)}, by=teacher)
    cancelled = autumn.sessions.order_by("starts_at")[3]
    take_attendance(cancelled, {student.pk: Mark("present", 120)}, by=teacher)
    set_cancelled(cancelled, True, by=teacher)
    (only,) = periods_of_student(student, today=date(2026, 9, 20))
    assert (only.start, only.hours) == (date(2026, 9, 14), Decimal("1.50"))


def test_periods_of_many_students_take_six_queries(
    make_class, spring_class, teacher, make_user, django_assert_num_queries
):
    students = [make_user(Role.STUDENT) for _ in range(3)]
    autumn = make_class(teacher=teacher, students=students)
    for student in students:
        enroll(student, spring_class)
        attend(spring_class, student, 2, teacher)
        attend(autumn, student, 2, teacher)
    # attendance, enrollments, their sessions, and three for proxy hours
    # (returned work, passed quizzes, clock time)
    with django_assert_num_queries(6):
        found = periods_by_student([s.pk for s in students], today=date(2026, 9, 20))
    assert {len(periods) for periods in found.values()} == {2}
    assert set(found) == {s.pk for s in students}


def test_students_at_the_same_session_share_its_day_and_a_roll_taken_meanwhile_waits(
    spring_class, teacher, student, make_user
):
    """The sessions are read before the roll: a session whose first roll is taken
    in between is left for the next reading rather than breaking this one."""
    other = make_user(Role.STUDENT)
    for person in (student, other):
        enroll(person, spring_class)
    attend(spring_class, student, 2, teacher)
    attend(spring_class, other, 1, teacher)
    records = counted_records([student.pk, other.pk])
    sessions = session_days(records, enrollment_spans([student.pk, other.pk]))
    service = attended_service(records, sessions)
    days = {p: {item.day: item for _c, item in service[p.pk]} for p in (student, other)}
    assert sorted(days[student]) == [date(2025, 3, 3), date(2025, 3, 5)]
    assert days[student][date(2025, 3, 3)] is days[other][date(2025, 3, 3)]  # one item, shared
    first_session = min(sessions, key=lambda pk: sessions[pk][1])
    without_it = {pk: row for pk, row in sessions.items() if pk != first_session}
    late = attended_service(records, without_it)
    assert [item.day for _class, item in late[student.pk]] == [date(2025, 3, 5)]
