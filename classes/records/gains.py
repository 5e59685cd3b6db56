"""Entering level and measurable skill gain, as adult-education reporting counts them.

A student's entering level for a period is the NRS level of their first pre-test
in the period. They made a measurable skill gain if a post-test in the period,
taken on or after that pre-test, places them at a higher NRS level. The levels
are what staff entered from the publishers' score tables (see
classes/models/records.py), so these are comparisons of entered levels, not of
scale scores from different tests.

The functions take any iterable of assessments (model instances or objects with
`phase`, `taken_on`, `nrs_level` and `pk`), so the dashboard can load them once
for every student and ask per student without another query.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from classes.models import Assessment, AssessmentPhase


def in_period(assessments, period):
    return [a for a in assessments if period.first_day <= a.taken_on <= period.last_day]


def entering_pre_test(assessments, period):
    """The first pre-test of the period (the earliest date; the first recorded on a tie)."""
    pre_tests = [a for a in in_period(assessments, period) if a.phase == AssessmentPhase.PRE]
    return min(pre_tests, key=lambda a: (a.taken_on, a.pk), default=None)


def entering_level(assessments, period):
    """The NRS level of the first pre-test in the period, or None without one."""
    pre_test = entering_pre_test(assessments, period)
    return pre_test.nrs_level if pre_test else None


def post_tests(assessments, period):
    return [a for a in in_period(assessments, period) if a.phase == AssessmentPhase.POST]


def was_post_tested(assessments, period):
    return bool(post_tests(assessments, period))


def is_gain(entering_level, post_test_level) -> bool:
    """The comparison itself: a post-test level above the entering level (None, no
    pre-test or no post-test, is no gain). The exports apply it to the levels their
    query reads (classes/records/exports/learners.py)."""
    return (
        entering_level is not None
        and post_test_level is not None
        and post_test_level > entering_level
    )


def made_gain(assessments, period):
    """A post-test in the period, on or after the entering pre-test, at a higher
    NRS level than the entering level. No pre-test in the period: no gain."""
    pre_test = entering_pre_test(assessments, period)
    if pre_test is None:
        return False
    return any(
        post.taken_on >= pre_test.taken_on and is_gain(pre_test.nrs_level, post.nrs_level)
        for post in post_tests(assessments, period)
    )


class Result(NamedTuple):
    """The parts of an assessment these rules read (cheaper than a model instance)."""

    pk: int
    taken_on: date
    phase: str
    nrs_level: int


@dataclass(frozen=True)
class Outcome:
    """What a student's tests in a period add up to."""

    entering_level: int | None
    post_tested: bool
    gain: bool


NO_TESTS = Outcome(None, False, False)


def outcome(assessments, period):
    return Outcome(
        entering_level(assessments, period),
        was_post_tested(assessments, period),
        made_gain(assessments, period),
    )


def outcomes_by_student(students, period):
    """{student id: Outcome} for students with a test in the period, in one query."""
    return {
        student_id: outcome(results, period)
        for student_id, results in assessments_by_student(students, period).items()
    }


def assessments_by_student(students, period):
    """{student id: [assessment]} for the period, in one query. `students` is a list
    of ids or a subquery of them."""
    rows = (
        Assessment.objects.filter(
            student_id__in=students, taken_on__gte=period.first_day, taken_on__lte=period.last_day
        )
        .values_list("student_id", "pk", "taken_on", "phase", "nrs_level")
        .order_by()
    )
    by_student = defaultdict(list)
    for student_id, *result in rows:
        by_student[student_id].append(Result(*result))
    return by_student
