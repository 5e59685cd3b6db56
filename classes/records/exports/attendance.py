"""Attendance: one row per student per session with a saved record. The same
columns serve a class's own CSV (`/classes/<id>/attendance.csv`) and the records
export (`/records/exports/attendance.csv`)."""

from functools import lru_cache

from django.utils import timezone

from classes.models import Attendance, Class
from classes.records.exports.base import Column, ColumnTable, QueryExport, or_blank
from classes.records.exports.learners import yes_no
from classes.records.exports.scope import Scope, person_name


def local_start(starts_at):
    """A session's local date and start time. Rows come ordered by session, a
    session's students one after another: converted once per session, not per cell
    (keyed on the program's zone too, which tests may change)."""
    return _local_start(starts_at, timezone.get_default_timezone())


@lru_cache(maxsize=256)
def _local_start(starts_at, zone):
    start = starts_at.astimezone(zone)
    return start.date(), start.strftime("%H:%M")


def session_date(starts_at):
    return local_start(starts_at)[0]


def session_start(starts_at):
    return local_start(starts_at)[1]


# Documented in docs/records.md: columns may be added at the end, never renamed.
TABLE = ColumnTable(
    (
        Column("session_date", "session__starts_at", session_date),
        Column("session_start", "session__starts_at", session_start),
        Column("session_minutes", "session__duration_minutes"),
        Column("session_cancelled", "session__cancelled", yes_no),
        Column("class_id", "session__cohort_id"),
        Column("class", "session__cohort__name"),
        Column("level", "session__cohort__level__title"),
        Column("nrs_level", "session__cohort__level__nrs_level"),
        Column("student_id", "student_id"),
        Column("student", "student_name"),
        Column("username", "student__username"),
        Column("status", "status"),
        Column("minutes", "minutes"),
        Column("recorded_by", "recorded_by__username", or_blank),
        Column("recorded_at", "recorded_at"),
        Column("session_id", "session_id"),
    )
)
COLUMNS = TABLE.headers


def attendance_records(classes, period=None):
    """The attendance of `classes` (a queryset), in sessions of the period if one
    is given; by session start, then student name."""
    # Sessions still to come have no attendance to report (docs/records.md).
    records = Attendance.objects.filter(session__cohort__in=classes)
    records = records.filter(session__starts_at__lte=timezone.now())
    if period is not None:
        records = records.between(period.first_day, period.last_day)
    return records.annotate(student_name=person_name("student__")).order_by(
        "session__starts_at", "session_id", "student_name", "student_id"
    )


def class_attendance(class_: Class):
    """A class's own CSV: every session of the class, whatever the period."""
    return attendance_records(Class.objects.filter(pk=class_.pk))


def in_scope(scope: Scope):
    return attendance_records(scope.classes, scope.period)


ATTENDANCE = QueryExport("attendance", TABLE, in_scope)
