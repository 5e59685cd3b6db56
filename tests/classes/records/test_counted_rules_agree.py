"""Rules the records state both as a database query and in Python, held to one answer
for every case: which attendance counts for contact hours (a held session, an
attended status), and percentages (the dashboard's and the NRS table's)."""

from datetime import timedelta
from decimal import Decimal

import pytest

from classes.models import Attendance, AttendanceStatus
from classes.records.exports.nrs_table import one_decimal_percent
from classes.records.rates import percent
from learning.roles import Role


@pytest.mark.django_db
def test_counted_attendance_is_the_same_in_the_query_and_on_a_record(classroom, make_user):
    cohort, teacher, *_ = classroom
    held, cancelled, to_come = cohort.sessions.order_by("starts_at")[:3]
    cancelled.cancelled = True
    cancelled.save()
    now = to_come.starts_at - timedelta(minutes=1)
    for status in AttendanceStatus.values:
        student = make_user(Role.STUDENT)
        for session in (held, cancelled, to_come):
            Attendance.objects.create(
                session=session, student=student, status=status, minutes=60, recorded_at=now
            )
    records = Attendance.objects.filter(session__cohort=cohort).select_related("session")
    counted = set(Attendance.objects.counted(now).values_list("pk", flat=True))
    assert {r.pk for r in records if r.counts_for_hours(now)} == counted
    # Only the held session's present and late records count.
    assert Attendance.objects.filter(pk__in=counted, session=held).count() == len(counted) == 2


@pytest.mark.parametrize(
    ("part", "whole", "dashboard", "nrs_table"),
    [
        (0, 0, None, None),
        (0, 3, 0, Decimal("0.0")),
        (1, 3, 100 / 3, Decimal("33.3")),
        (2, 3, 200 / 3, Decimal("66.7")),
        (1, 16, 6.25, Decimal("6.3")),  # half up, as the NRS table rounds
        (3, 3, 100, Decimal("100.0")),
    ],
)
def test_the_nrs_tables_percent_is_the_dashboards_rounded(part, whole, dashboard, nrs_table):
    assert percent(part, whole) == (None if dashboard is None else pytest.approx(dashboard))
    assert one_decimal_percent(part, whole) == nrs_table
