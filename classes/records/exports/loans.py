"""Loans: one row per device loan that was out during the period (lent on or
before its last day, not returned before its first), to a student enrolled in
a covered class."""

from django.db.models import F, Q
from django.utils import timezone

from classes.models import Loan
from classes.records.exports.base import QueryExport
from classes.records.exports.learners import yes_no
from classes.records.exports.scope import Scope, enrollments_in, person_name

# Documented in docs/records.md: columns may be added at the end, never renamed.
COLUMNS = (
    "loan_id",
    "device_id",
    "asset_tag",
    "kind",
    "model",
    "site",
    "student_id",
    "student",
    "username",
    "lent_on",
    "due_back",
    "returned_on",
    "overdue",
    "condition_on_return",
    "agreement_signed",
    "agreement_signed_on",
    "lent_by",
    "received_by",
)


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
        .values(
            "pk",
            "device_id",
            "student_id",
            "student_name",
            "lent_on",
            "due_back",
            "returned_on",
            "condition_on_return",
            "agreement_signed",
            "agreement_signed_on",
            asset_tag=F("device__asset_tag"),
            kind=F("device__kind"),
            model_name=F("device__model_name"),
            site=F("device__site"),
            username=F("student__username"),
            lender=F("lent_by__username"),
            receiver=F("received_by__username"),
        )
    )


def loan_row(row, today=None):
    # Overdue on the day the export is made: a loan still out after its due date.
    today = today or timezone.localdate()
    overdue = row["returned_on"] is None and row["due_back"] < today
    return [
        row["pk"],
        row["device_id"],
        row["asset_tag"],
        row["kind"],
        row["model_name"],
        row["site"],
        row["student_id"],
        row["student_name"],
        row["username"],
        row["lent_on"],
        row["due_back"],
        row["returned_on"],
        yes_no(overdue),
        row["condition_on_return"],
        yes_no(row["agreement_signed"]),
        row["agreement_signed_on"],
        row["lender"],
        row["receiver"],
    ]


LOANS = QueryExport("loans", COLUMNS, in_scope, loan_row)
