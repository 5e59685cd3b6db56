"""The interchange export: a program year's students, hours and tests as three
flat files a state system can import (docs/records.md, "Interchange export").

- students: one row per student per period of participation in the year, with
  the intake answers as codes ("declined" when declined, "unknown" when not
  recorded) and the period's entry and exit dates;
- attendance: one row per attended session and per proxy-hour item in the year,
  with its hour type (in person, live virtual, proxy);
- tests: one row per test taken in the year.

Each file is a column table (exports/base.py): the header and each cell are
stated once. Codes are English, whatever the viewer's language."""

import heapq
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import F

from classes.attendance import as_hours
from classes.intake.services import entry_for_period
from classes.models import Assessment, Attendance
from classes.models.cohorts import ClassMode
from classes.models.intake import DECLINED
from classes.records import gains
from classes.records.days import local_day
from classes.records.exports.base import CHUNK_SIZE, Column, ColumnTable, or_blank, read
from classes.records.exports.learners import yes_no
from classes.records.nrs.people import intake_and_tests
from classes.records.period_data import periods_by_student
from classes.records.periods import PROXY, in_program_year
from classes.records.proxy import proxy_by_student
from learning.roles import Role

UNKNOWN = "unknown"
IN_PERSON, LIVE_VIRTUAL = "in_person", "live_virtual"
# A list of codes in one cell (races, barriers).
SEPARATOR = ";"

STUDENTS = ColumnTable(
    (
        Column("student_id", "student_id"),
        Column("username", "username"),
        Column("name", "name"),
        Column("first_name", "first_name"),
        Column("last_name", "last_name"),
        Column("date_of_birth", "date_of_birth"),
        Column("date_of_birth_status", "date_of_birth_status"),
        Column("sex", "sex"),
        Column("ethnicity", "ethnicity"),
        Column("race", "race"),
        Column("period_entry_date", "period_entry_date"),
        Column("period_exit_date", "period_exit_date"),
        Column("period_hours", "period_hours"),
        Column("period_proxy_hours", "period_proxy_hours"),
        Column("participant", "participant", yes_no),
        Column("entering_nrs_level", "entering_nrs_level"),
        Column("program_type", "program_type"),
        Column("employment", "employment"),
        Column("schooling", "schooling"),
        Column("schooled_in", "schooled_in"),
        Column("barriers", "barriers"),
    )
)

ATTENDANCE = ColumnTable(
    (
        Column("student_id", "student_id"),
        Column("service_date", "day"),
        Column("hours", "minutes", as_hours),
        Column("hour_type", "hour_type"),
        Column("class_id", "class_id"),
        Column("class_mode", "class_mode", or_blank),
        Column("session_id", "session_id"),
        Column("proxy_model", "proxy_model", or_blank),
        Column("submission_id", "submission_id"),
        Column("packet_id", "packet_id"),
    )
)

TESTS = ColumnTable(
    (
        Column("assessment_id", "pk"),
        Column("student_id", "student_id"),
        Column("instrument", "test"),
        Column("form", "form"),
        Column("taken_on", "taken_on"),
        Column("scale_score", "scale_score"),
        Column("nrs_level", "nrs_level"),
        Column("phase", "phase"),
    )
)

FILES = {"students": STUDENTS, "attendance": ATTENDANCE, "tests": TESTS}


def code(value):
    """An intake answer as its code: blank is "unknown", declined stays "declined"."""
    return value or UNKNOWN


def codes(values, declined, answered):
    if declined:
        return DECLINED
    if not answered:
        return UNKNOWN
    return SEPARATOR.join(sorted(values)) or "none"


def person_fields(profile):
    """The student's own intake answers (the same in every period) as codes."""
    if profile is None:
        return {
            "date_of_birth": None,
            "date_of_birth_status": UNKNOWN,
            "sex": UNKNOWN,
            "ethnicity": UNKNOWN,
            "race": UNKNOWN,
        }
    if profile.date_of_birth:
        status, birth = "given", profile.date_of_birth
    else:
        status, birth = (DECLINED if profile.date_of_birth_declined else UNKNOWN), None
    return {
        "date_of_birth": birth,
        "date_of_birth_status": status,
        "sex": code(profile.sex),
        "ethnicity": code(profile.ethnicity),
        "race": codes(profile.races, profile.races_declined, bool(profile.races)),
    }


def entry_fields(entry):
    """The status at entry describing a period, as codes."""
    if entry is None:
        names = ("program_type", "employment", "schooling", "schooled_in", "barriers")
        return dict.fromkeys(names, UNKNOWN)
    return {
        "program_type": code(entry.program_type),
        "employment": code(entry.employment),
        "schooling": code(entry.schooling),
        "schooled_in": code(entry.schooled_in),
        # An intake with no barrier ticked names none: "none", not "unknown".
        "barriers": codes(entry.barriers, entry.barriers_declined, True),
    }


@dataclass(frozen=True)
class YearStudents:
    student_ids: list
    rows: list  # dicts, the sources of STUDENTS


def year_students(year, today, rules) -> YearStudents:
    """Every student with service in the year, one row per period in the year."""
    students = get_user_model().objects.filter(groups__name=Role.STUDENT).values("pk")
    in_year = {}
    for student_id, periods in periods_by_student(students, None, today, rules).items():
        if counted := in_program_year(periods, year):
            in_year[student_id] = counted
    ids = sorted(in_year)
    results, profiles, entries = intake_and_tests(ids)
    users = get_user_model().objects.in_bulk(ids)
    rows = []
    for student_id in ids:
        user, person = users[student_id], person_fields(profiles.get(student_id))
        for in_year_period in in_year[student_id]:
            period = in_year_period.period
            rows.append(
                {
                    "student_id": student_id,
                    "username": user.username,
                    "name": user.name,
                    "first_name": user.first_name,
                    "last_name": user.last_name,
                    **person,
                    "period_entry_date": period.start,
                    "period_exit_date": period.exit_date,
                    "period_hours": period.hours,
                    "period_proxy_hours": period.proxy_hours,
                    "participant": in_year_period.is_participant,
                    "entering_nrs_level": gains.entering_level(results[student_id], period),
                    **entry_fields(entry_for_period(entries[student_id], period)),
                }
            )
    return YearStudents(ids, rows)


def students_rows(year_students: YearStudents):
    convert = STUDENTS.converter()
    return (convert(row) for row in year_students.rows)


def attended_in(year):
    """Attended minutes in held sessions of the year, by day then student."""
    return (
        Attendance.objects.counted()
        .between(year.first_day, year.last_day)
        .annotate(day=local_day("session__starts_at"))
        .values("student_id", "day", "minutes", "session_id", "session__cohort_id")
        .annotate(mode=F("session__cohort__mode"))
        .order_by("day", "student_id", "session__starts_at", "session_id")
    )


def session_row(values):
    # A hybrid class's roll does not say how each student joined: in person
    # (the class_mode column says it was hybrid).
    online = values["mode"] == ClassMode.ONLINE
    return {
        "student_id": values["student_id"],
        "day": values["day"],
        "minutes": values["minutes"],
        "hour_type": LIVE_VIRTUAL if online else IN_PERSON,
        "class_id": values["session__cohort_id"],
        "class_mode": values["mode"],
        "session_id": values["session_id"],
        "proxy_model": "",
        "submission_id": None,
        "packet_id": None,
    }


def proxy_rows(year, rules=None):
    """Proxy-hour items (classes/records/proxy.py) dated in the year, oldest first."""
    students = get_user_model().objects.filter(groups__name=Role.STUDENT).values("pk")
    rows = [
        {
            "student_id": student_id,
            "day": item.day,
            "minutes": item.minutes,
            "hour_type": PROXY,
            "class_id": None,
            "class_mode": "",
            "session_id": None,
            "proxy_model": str(item.model),
            "submission_id": item.submission_id,
            "packet_id": item.packet_id,
        }
        for student_id, items in proxy_by_student(students, rules=rules).items()
        for item in items
        if year.first_day <= item.day <= year.last_day
    ]
    rows.sort(key=by_day)
    return rows


def by_day(row):
    return row["day"], row["student_id"]


def attendance_rows(year, proxy):
    """Sessions and proxy items merged by day; the sessions are read in chunks."""
    convert = ATTENDANCE.converter()
    sessions = (session_row(values) for values in attended_in(year).iterator(CHUNK_SIZE))
    return (convert(row) for row in heapq.merge(sessions, proxy, key=by_day))


def attendance_reach(year, proxy):
    """Which students the attendance file is about, and its number of rows."""
    attended = attended_in(year).order_by()
    students = set(attended.values_list("student_id", flat=True).distinct())
    students |= {row["student_id"] for row in proxy}
    return sorted(students), attended.count() + len(proxy)


def tests_in(year):
    return Assessment.objects.filter(taken_on__range=(year.first_day, year.last_day)).order_by(
        "taken_on", "student_id", "pk"
    )


def tests_rows(year):
    return read(TESTS.values(tests_in(year)), TESTS.converter())
