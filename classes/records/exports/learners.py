"""Contact hours, entering level and measurable skill gain, as SQL annotations so an
export reads them in its one query.

The minimal rules the exports need (docs/records.md, "Contact hours, participants,
entering level and gain"):
- entering level: the NRS level of the student's first pre-test in the period;
- measurable skill gain: a post-test in the period, taken on or after that pre-test,
  placing the student at a higher NRS level than the entering level.
classes/records/gains.py states the same rules in Python, for the dashboard, which
loads every student's tests at once; here they are SQL so each streamed row carries
its own. tests/classes/records/test_gain_rules_agree.py holds the two to one answer.
"""

from django.db.models import IntegerField, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce

from classes.attendance import as_hours, is_participant
from classes.models import Assessment, Attendance
from classes.records import gains
from classes.records.exports.scope import Scope, between


def minutes_attended(scope: Scope, student_ref: str, class_ref: str | None = None):
    """Counted minutes (present or late, in held sessions) in the period, in the
    covered classes, or in one class when `class_ref` names the outer row's class."""
    period = scope.period
    records = (
        Attendance.objects.counted()
        .between(period.first_day, period.last_day)
        .filter(student=OuterRef(student_ref), session__cohort__in=scope.classes)
    )
    if class_ref is not None:
        records = records.filter(session__cohort=OuterRef(class_ref))
    total = records.order_by().values("student").annotate(total=Sum("minutes")).values("total")
    return Coalesce(Subquery(total, output_field=IntegerField()), 0)


def with_levels(queryset, scope: Scope, student_ref: str):
    """Annotate entering_nrs_level, pre_test_on and post_test_nrs_level (the highest
    post-test level on or after the pre-test, in the period)."""
    in_period = between("taken_on", scope.period)
    pre = (
        Assessment.objects.pre_tests()
        .filter(in_period, student=OuterRef(student_ref))
        .order_by("taken_on", "pk")
    )
    queryset = queryset.annotate(
        entering_nrs_level=Subquery(pre.values("nrs_level")[:1]),
        pre_test_on=Subquery(pre.values("taken_on")[:1]),
    )
    post = (
        Assessment.objects.post_tests()
        .filter(in_period, student=OuterRef(student_ref), taken_on__gte=OuterRef("pre_test_on"))
        .order_by("-nrs_level")
    )
    return queryset.annotate(post_test_nrs_level=Subquery(post.values("nrs_level")[:1]))


def gain_made(entering_level, post_test_level) -> bool:
    """The gain rule on the two levels `with_levels` reads: a post-test level higher
    than the entering level (classes/records/gains.py reads the same levels)."""
    return gains.is_gain(entering_level, post_test_level)


def has_gain(row) -> bool:
    return gain_made(row["entering_nrs_level"], row["post_test_nrs_level"])


def participates(minutes) -> bool:
    """A participant by the contact hours these minutes make."""
    return is_participant(as_hours(minutes))


def yes_no(flag) -> str:
    return "yes" if flag else "no"
