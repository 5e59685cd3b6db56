"""Loans: one row per device loan that was out during the period (lent on or
before its last day, not returned before its first), to a student enrolled in
a covered class."""

from django.db.models import Q
from django.utils import timezone

from classes.models import Loan
from classes.records.exports.base import Column, ColumnTable, QueryExport
from classes.records.exports.learners import yes_no
from classes.records.exports.scope import Scope, enrollments_in, person_name


def overdue(returned_on, due_back, today=None):
    """Overdue on the day the export is made: a loan still out after its due date."""
    today = today or timezone.localdate()
    return yes_no(returned_on is None and due_back < today)


# Documented in docs/records.md: columns may be added at the end, never renamed.
TABLE = ColumnTable(
    (
        Column("loan_id", "pk"),
        Column("device_id", "device_id"),
        Column("asset_tag", "device__asset_tag"),
        Column("kind", "device__kind"),
        Column("model", "device__model_name"),
        Column("site", "device__site"),
        Column("student_id", "student_id"),
        Column("student", "student_name"),
        Column("username", "student__username"),
        Column("lent_on", "lent_on"),
        Column("due_back", "due_back"),
        Column("returned_on", "returned_on"),
        Column("overdue", ("returned_on", "due_back"), overdue),
        Column("condition_on_return", "condition_on_return"),
        Column("agreement_signed", "agreement_signed", yes_no),
        Column("agreement_signed_on", "agreement_signed_on"),
        Column("lent_by", "lent_by__username"),
        Column("received_by", "received_by__username"),
    )
)
COLUMNS = TABLE.headers


def in_scope(scope: Scope):
    period = scope.period
    students = enrollments_in(scope).values("student_id")
    out_in_period = Q(lent_on__lte=period.last_day) & (
        Q(returned_on__isnull=True) | Q(returned_on__gte=period.first_day)
    )
    return (
        Loan.objects.filter(out_in_period, student_id__in=students)
        .annotate(student_name=person_name("student__"))
        .order_by("lent_on", "device__asset_tag", "pk")
    )


LOANS = QueryExport("loans", TABLE, in_scope)
