"""Attendance of a class as CSV: the standardized record funders ask for.
The columns are documented in docs/records.md and must stay stable."""

import csv
import io

from django.utils import timezone

from classes.models import Attendance

COLUMNS = [
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
]


def safe_cell(text):
    """Text a spreadsheet would run as a formula gets a leading apostrophe."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


def attendance_rows(class_):
    records = (
        Attendance.objects.for_class(class_)
        .select_related("session", "student", "recorded_by")
        .order_by("session__starts_at", "session_id", "student__display_name", "student_id")
    )
    level = class_.level
    for record in records:
        start = timezone.localtime(record.session.starts_at)
        yield [
            start.date().isoformat(),
            start.strftime("%H:%M"),
            record.session.duration_minutes,
            "yes" if record.session.cancelled else "no",
            class_.pk,
            safe_cell(class_.name),
            safe_cell(level.title),
            level.nrs_level,
            record.student_id,
            safe_cell(record.student.name),
            record.student.username,
            record.status,
            record.minutes,
            record.recorded_by.username if record.recorded_by else "",
            timezone.localtime(record.recorded_at).isoformat(timespec="seconds"),
        ]


def attendance_csv(class_):
    """UTF-8 with a byte-order mark, so spreadsheet programs show Arabic and
    Dari names correctly."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows(attendance_rows(class_))
    return "\ufeff" + out.getvalue()
