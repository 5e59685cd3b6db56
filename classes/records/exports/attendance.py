"""Attendance: one row per student per session with a saved record. The same
columns serve a class's own CSV (`/classes/<id>/attendance.csv`) and the records
export (`/records/exports/attendance.csv`)."""

from django.db.models import F
from django.utils import timezone

from classes.models import Attendance, Class
from classes.records.exports.base import QueryExport
from classes.records.exports.formats import program_time
from classes.records.exports.learners import yes_no
from classes.records.exports.scope import Scope, person_name

# Documented in docs/records.md: columns may be added at the end, never renamed.
COLUMNS = (
    "session_date",
    "session_start",
    "session_minutes",
    "session_cancelled",
    "class_id",
    "class",
    "level",
    "nrs_level",
    "student_id",
    "student",
    "username",
    "status",
    "minutes",
    "recorded_by",
    "recorded_at",
    "session_id",
)


def attendance_records(classes, period=None):
    """values() rows for the attendance of `classes` (a queryset), in sessions of
    the period if one is given; by session start, then student name."""
    # Sessions still to come have no attendance to report (docs/records.md).
    records = Attendance.objects.filter(session__cohort__in=classes)
    records = records.filter(session__starts_at__lte=timezone.now())
    if period is not None:
        records = records.between(period.first_day, period.last_day)
    return (
        records.annotate(student_name=person_name("student__"))
        .order_by("session__starts_at", "session_id", "student_name", "student_id")
        .values(
            "session_id",
            "student_id",
            "student_name",
            "status",
            "minutes",
            "recorded_at",
            starts_at=F("session__starts_at"),
            session_minutes=F("session__duration_minutes"),
            cancelled=F("session__cancelled"),
            class_id=F("session__cohort_id"),
            class_name=F("session__cohort__name"),
            level_title=F("session__cohort__level__title"),
            level_nrs=F("session__cohort__level__nrs_level"),
            username=F("student__username"),
            recorder=F("recorded_by__username"),
        )
    )


def attendance_row(record):
    start = program_time(record["starts_at"])
    return [
        start.date(),
        start.strftime("%H:%M"),
        record["session_minutes"],
        yes_no(record["cancelled"]),
        record["class_id"],
        record["class_name"],
        record["level_title"],
        record["level_nrs"],
        record["student_id"],
        record["student_name"],
        record["username"],
        record["status"],
        record["minutes"],
        record["recorder"] or "",
        record["recorded_at"],
        record["session_id"],
    ]


def class_attendance(class_: Class):
    """A class's own CSV: every session of the class, whatever the period."""
    return attendance_records(Class.objects.filter(pk=class_.pk))


def in_scope(scope: Scope):
    return attendance_records(scope.classes, scope.period)


ATTENDANCE = QueryExport("attendance", COLUMNS, in_scope, attendance_row)
