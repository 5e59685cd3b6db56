from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from classes.attendance import (
    Mark,
    contact_hours,
    contact_hours_by_student,
    is_participant,
    take_attendance,
)
from classes.enrollment import withdraw
from classes.models import Attendance, AttendanceChange, Enrollment
from classes.schedule import set_cancelled
from learning.roles import Role

PRESENT = Mark("present", 120)


def test_the_roll_saves_one_record_per_student(a_class, enrolled, teacher):
    amina, ahmad = enrolled(), enrolled()
    session = a_class.sessions.first()
    take_attendance(session, {amina.pk: PRESENT, ahmad.pk: Mark("late", 90)}, by=teacher)
    records = {a.student_id: a for a in Attendance.objects.filter(session=session)}
    assert (records[amina.pk].status, records[amina.pk].minutes) == ("present", 120)
    assert (records[ahmad.pk].status, records[ahmad.pk].minutes) == ("late", 90)
    assert records[ahmad.pk].recorded_by == teacher


def test_saving_the_same_roll_twice_does_not_duplicate_or_add_history(a_class, enrolled, teacher):
    amina = enrolled()
    session = a_class.sessions.first()
    take_attendance(session, {amina.pk: PRESENT}, by=teacher)
    take_attendance(session, {amina.pk: PRESENT}, by=teacher)
    assert Attendance.objects.filter(session=session).count() == 1
    assert not AttendanceChange.objects.exists()


def test_a_later_change_is_kept_as_history(a_class, enrolled, teacher, make_user):
    amina = enrolled()
    other_teacher = make_user(Role.TEACHER)
    session = a_class.sessions.first()
    take_attendance(session, {amina.pk: PRESENT}, by=teacher)
    take_attendance(session, {amina.pk: Mark("late", 100)}, by=other_teacher)
    change = AttendanceChange.objects.get()
    assert (change.old_status, change.new_status) == ("present", "late")
    assert (change.old_minutes, change.new_minutes) == (120, 100)
    assert change.changed_by == other_teacher
    assert Attendance.objects.get().recorded_by == other_teacher


def test_absent_and_excused_students_count_no_minutes(a_class, enrolled, teacher):
    amina, ahmad = enrolled(), enrolled()
    session = a_class.sessions.first()
    marks = {amina.pk: Mark("absent", 120), ahmad.pk: Mark("excused", 120)}
    take_attendance(session, marks, by=teacher)
    assert set(Attendance.objects.values_list("minutes", flat=True)) == {0}


@pytest.mark.parametrize(
    ("minutes", "message"), [(121, "between 0 and 120"), (-1, "between 0 and 120")]
)
def test_minutes_outside_the_session_are_refused_and_nothing_is_saved(
    a_class, enrolled, teacher, minutes, message
):
    amina, ahmad = enrolled(), enrolled()
    session = a_class.sessions.first()
    take_attendance(session, {amina.pk: PRESENT}, by=teacher)
    with pytest.raises(ValidationError, match=message):
        take_attendance(
            session, {amina.pk: Mark("late", 30), ahmad.pk: Mark("late", minutes)}, by=teacher
        )
    assert list(Attendance.objects.values_list("student_id", "status")) == [(amina.pk, "present")]


def test_attendance_for_a_student_not_enrolled_is_refused(a_class, enrolled, teacher, make_user):
    amina, stranger = enrolled(), make_user(Role.STUDENT)
    session = a_class.sessions.first()
    with pytest.raises(ValidationError, match="not enrolled"):
        take_attendance(session, {amina.pk: PRESENT, stranger.pk: PRESENT}, by=teacher)
    assert not Attendance.objects.exists()


def test_a_withdrawn_student_keeps_their_record_and_can_be_corrected(a_class, enrolled, teacher):
    amina = enrolled()
    session = a_class.sessions.first()
    take_attendance(session, {amina.pk: PRESENT}, by=teacher)
    withdraw(Enrollment.objects.get(student=amina))
    take_attendance(session, {amina.pk: Mark("late", 60)}, by=teacher)
    assert Attendance.objects.get(student=amina).minutes == 60
    with pytest.raises(ValidationError, match="not enrolled"):
        take_attendance(a_class.sessions.all()[1], {amina.pk: PRESENT}, by=teacher)


def roll_queries(class_, students, teacher):
    """Queries for a roll that adds new records, changes some and keeps others."""
    session = class_.sessions.first()
    take_attendance(session, {s.pk: PRESENT for s in students[:2]}, by=teacher)
    marks = {s.pk: PRESENT for s in students}
    marks[students[0].pk] = Mark("late", 100)
    with CaptureQueriesContext(connection) as queries:
        take_attendance(session, marks, by=teacher)
    assert Attendance.objects.filter(session=session).count() == len(students)
    return len(queries)


def test_the_roll_takes_the_same_number_of_queries_for_thirty_students(
    make_cohort, enrolled, teacher
):
    small, large = make_cohort(teachers=[teacher]), make_cohort(teachers=[teacher])
    few = roll_queries(small, [enrolled(small) for _ in range(3)], teacher)
    many = roll_queries(large, [enrolled(large) for _ in range(30)], teacher)
    assert few == many <= 8


# Hand-computed fixture: Monday/Wednesday 18:00–20:00, New York, term from Monday
# 26 October 2026 over the clock change on Sunday 1 November.
#   Mon 26 Oct  present 120 · Wed 28 Oct  late 90 · Mon 2 Nov  absent
#   Wed 4 Nov   present 120 but the session was cancelled afterwards (does not count)
#   Mon 9 Nov   late 45
# Amina: 120 + 90 + 0 + 45 = 255 minutes = 4.25 hours. 2 November alone: 0 hours.
# Week of 26 October (local dates 26–31 Oct): 210 minutes = 3.50 hours.
@pytest.fixture
def autumn_term(make_cohort, teacher, enrolled, settings):
    settings.TIME_ZONE = "America/New_York"
    class_ = make_cohort(
        teachers=[teacher], term_start=date(2026, 10, 26), term_end=date(2026, 11, 13)
    )
    amina, ahmad = enrolled(class_), enrolled(class_)
    sessions = {s.local_start.date(): s for s in class_.sessions.all()}
    marks = {
        date(2026, 10, 26): PRESENT,
        date(2026, 10, 28): Mark("late", 90),
        date(2026, 11, 2): Mark("absent", 0),
        date(2026, 11, 4): PRESENT,
        date(2026, 11, 9): Mark("late", 45),
    }
    for day, mark in marks.items():
        take_attendance(sessions[day], {amina.pk: mark, ahmad.pk: PRESENT}, by=teacher)
    set_cancelled(sessions[date(2026, 11, 4)], True, by=teacher)
    return class_, amina, ahmad


def test_contact_hours_count_late_arrivals_and_skip_cancelled_sessions(autumn_term):
    class_, amina, ahmad = autumn_term
    assert contact_hours(student=amina) == Decimal("4.25")
    assert contact_hours(student=ahmad, class_=class_) == Decimal("8.00")
    assert contact_hours(class_=class_) == Decimal("12.25")
    assert contact_hours_by_student(class_) == {
        amina.pk: Decimal("4.25"),
        ahmad.pk: Decimal("8.00"),
    }


def test_contact_hours_by_local_date_range_across_the_clock_change(autumn_term):
    class_, amina, _ahmad = autumn_term
    assert contact_hours(
        student=amina, first_day=date(2026, 10, 26), last_day=date(2026, 10, 31)
    ) == Decimal("3.50")
    assert contact_hours(
        student=amina, first_day=date(2026, 11, 2), last_day=date(2026, 11, 2)
    ) == Decimal("0.00")
    assert contact_hours(student=amina, first_day=date(2026, 11, 1)) == Decimal("0.75")
    # A session at 18:00 local on 2 November is 23:00 UTC: still counted on the 2nd.
    assert contact_hours(
        class_=class_, first_day=date(2026, 11, 9), last_day=date(2026, 11, 9)
    ) == Decimal("2.75")


def test_twelve_contact_hours_make_a_participant(settings):
    assert is_participant(Decimal("12.00"))
    assert not is_participant(Decimal("11.99"))
    settings.HARBOR_NRS_RULES = {**settings.HARBOR_NRS_RULES, "participant_hours": 6}
    assert is_participant(Decimal("6"))


def test_a_cancelled_session_refuses_the_roll(a_class, enrolled, teacher):
    amina = enrolled()
    session = a_class.sessions.first()
    set_cancelled(session, True, by=teacher)
    with pytest.raises(ValidationError, match="cancelled"):
        take_attendance(session, {amina.pk: PRESENT}, by=teacher)
