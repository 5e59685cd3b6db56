"""Attendance and contact hours in the records dashboard: per class and student
for the figures (`attendance_rows`, `add_attendance`) and per week for the trends
(`weekly_attendance`). Definitions: docs/records.md, "Dashboard figures"."""

import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone

from classes.attendance import as_hours, is_participant
from classes.models import Attendance, AttendanceStatus
from classes.models.attendance import IS_ATTENDED
from classes.records.rates import percent


@dataclass(frozen=True)
class AttendanceRow:
    attended: int  # present or late
    missed: int  # absent (excused records count in neither)
    minutes: int  # minutes attended: the contact time


def held_attendance(classes, period):
    """Records of held sessions (not cancelled, begun) of these classes in the period,
    absent ones too: the attendance rate counts them. Contact hours sum only the
    attended ones (ATTENDANCE_SUMS), the rule of Attendance.objects.counted()."""
    return (
        Attendance.objects.filter(session__cohort__in=classes)
        .in_held_sessions()
        .between(period.first_day, period.last_day)
        .order_by()
    )


ATTENDANCE_SUMS = {
    "attended": Count("pk", filter=IS_ATTENDED),
    "missed": Count("pk", filter=Q(status=AttendanceStatus.ABSENT)),
    "minutes": Sum("minutes", filter=IS_ATTENDED, default=0),
}


def attendance_rows(classes, period):
    rows = (
        held_attendance(classes, period)
        .values("session__cohort_id", "student_id")
        .annotate(**ATTENDANCE_SUMS)
    )
    by_class = defaultdict(dict)
    for row in rows:
        by_class[row["session__cohort_id"]][row["student_id"]] = AttendanceRow(
            row["attended"], row["missed"], row["minutes"]
        )
    return by_class


def median_hours(minutes_by_student):
    if not minutes_by_student:
        return None
    return as_hours(Decimal(str(statistics.median(minutes_by_student.values()))))


def add_attendance(result, data, cohort_ids, members):
    minutes = dict.fromkeys(members, 0)
    for cohort_id in cohort_ids:
        mode = data.classes[cohort_id].mode
        for student_id, row in data.attendance.get(cohort_id, {}).items():
            if student_id in members:
                result.attended += row.attended
                result.missed += row.missed
                minutes[student_id] += row.minutes
                result.add_attended(mode, row.minutes)
    result.minutes = sum(minutes.values())
    result.median_hours = median_hours(minutes)
    result.hours_by_student = {s: as_hours(m) for s, m in minutes.items()}
    result.participants = sum(1 for h in result.hours_by_student.values() if is_participant(h))


def add_proxy(result, data, cohort_ids, members):
    """Proxy hours earned in the period by work handed in to these classes."""
    for cohort_id in cohort_ids:
        for student_id, minutes in data.proxy.get(cohort_id, {}).items():
            if student_id in members:
                result.proxy_minutes += minutes


# ---------------------------------------------------------------- weekly trends


class AttendanceRates:
    """The rate and the hours of `attended`, `missed` and `minutes`: one
    definition for the dashboard's figures and the weekly trends."""

    @property
    def attendance_rate(self):
        return percent(self.attended, self.attended + self.missed)

    @property
    def contact_hours(self):
        return as_hours(self.minutes)


@dataclass(frozen=True)
class Week(AttendanceRates):
    monday: date
    attended: int = 0
    missed: int = 0
    minutes: int = 0


def mondays(period):
    monday = period.first_day - timedelta(days=period.first_day.weekday())
    while monday <= period.last_day:
        yield monday
        monday += timedelta(weeks=1)


def weekly_attendance(classes, period) -> list[Week]:
    """Attendance per week (Monday to Sunday, local dates) over the period; weeks
    without a held session have zeros. The database sums per session start (one
    query; classes meeting at the same time share a row) and Python folds the
    starts into local weeks: converting every record's time in the database
    cost seconds on SQLite."""
    starts = (
        held_attendance(classes, period)
        .values("session__starts_at")
        .annotate(**ATTENDANCE_SUMS)
        .order_by()
    )
    days = ({**row, "day": timezone.localtime(row["session__starts_at"]).date()} for row in starts)
    return fold_weeks(days, period)


def fold_weeks(days, period):
    weeks = {monday: [0, 0, 0] for monday in mondays(period)}
    for row in days:
        monday = row["day"] - timedelta(days=row["day"].weekday())
        sums = weeks.setdefault(monday, [0, 0, 0])
        sums[0] += row["attended"]
        sums[1] += row["missed"]
        sums[2] += row["minutes"]
    return [Week(monday, *sums) for monday, sums in sorted(weeks.items())]
