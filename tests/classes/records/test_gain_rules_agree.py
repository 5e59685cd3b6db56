"""The dashboard reads gains in Python over each student's tests (classes/records/gains.py);
the exports read them as SQL annotations of each streamed row
(classes/records/exports/learners.py). Two forms of one rule: they must agree."""

from datetime import date

import pytest

from classes.models import Assessment, Class
from classes.records.exports.learners import has_gain, with_levels
from classes.records.exports.scope import Scope
from classes.records.filters import Period
from classes.records.gains import outcomes_by_student
from learning.models import User
from learning.roles import Role

PERIOD = Period(date(2026, 9, 1), date(2026, 12, 31))
# (phase, NRS level, day) per test; the comment says what the case is about.
CASES = [
    [("pre", 2, date(2026, 9, 5)), ("post", 3, date(2026, 12, 1))],  # a gain
    [("pre", 2, date(2026, 9, 5)), ("post", 2, date(2026, 12, 1))],  # post-tested, no gain
    [("pre", 2, date(2026, 9, 5))],  # not post-tested
    [("post", 4, date(2026, 12, 1))],  # no pre-test: no entering level, no gain
    [("pre", 3, date(2026, 9, 5)), ("pre", 1, date(2026, 10, 1)), ("post", 2, date(2026, 12, 1))],
    [("pre", 2, date(2026, 10, 5)), ("post", 4, date(2026, 9, 20))],  # post before the pre
    [("pre", 1, date(2026, 8, 5)), ("pre", 2, date(2026, 9, 5)), ("post", 3, date(2026, 9, 9))],
    [("pre", 2, date(2026, 9, 5)), ("post", 3, date(2027, 1, 10))],  # post after the period
]


@pytest.mark.django_db
def test_dashboard_and_exports_count_entering_levels_and_gains_alike(make_user):
    students = [make_user(Role.STUDENT) for _ in CASES]
    for student, tests in zip(students, CASES, strict=True):
        for phase, level, day in tests:
            Assessment.objects.create(
                student=student,
                test="casas_reading",
                taken_on=day,
                scale_score=200,
                phase=phase,
                nrs_level=level,
            )
    dashboard = outcomes_by_student([s.pk for s in students], PERIOD)
    scope = Scope(classes=Class.objects.all(), period=PERIOD)
    rows = with_levels(User.objects.filter(pk__in=[s.pk for s in students]), scope, "pk")
    exports = {
        row["pk"]: row for row in rows.values("pk", "entering_nrs_level", "post_test_nrs_level")
    }
    for student in students:
        expected = dashboard.get(student.pk)
        row = exports[student.pk]
        assert row["entering_nrs_level"] == (expected.entering_level if expected else None)
        assert has_gain(row) == (expected.gain if expected else False)
    assert sum(has_gain(row) for row in exports.values()) == 2
