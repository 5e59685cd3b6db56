"""Assessments: one row per standardized test taken in the period by a student
enrolled in a covered class."""

from django.db.models import F

from classes.models import Assessment
from classes.records.exports.base import QueryExport
from classes.records.exports.scope import Scope, between, enrollments_in, person_name

# Documented in docs/records.md: columns may be added at the end, never renamed.
COLUMNS = (
    "assessment_id",
    "student_id",
    "student",
    "username",
    "test",
    "form",
    "taken_on",
    "phase",
    "scale_score",
    "nrs_level",
    "recorded_by",
    "recorded_at",
)


def in_scope(scope: Scope):
    students = enrollments_in(scope).values("student_id")
    return (
        Assessment.objects.filter(between("taken_on", scope.period), student_id__in=students)
        .annotate(student_name=person_name("student__"))
        .order_by("taken_on", "student_name", "student_id", "pk")
        .values(
            "pk",
            "student_id",
            "student_name",
            "test",
            "form",
            "taken_on",
            "phase",
            "scale_score",
            "nrs_level",
            "recorded_at",
            username=F("student__username"),
            recorder=F("recorded_by__username"),
        )
    )


def assessment_row(row):
    return [
        row["pk"],
        row["student_id"],
        row["student_name"],
        row["username"],
        row["test"],
        row["form"],
        row["taken_on"],
        row["phase"],
        row["scale_score"],
        row["nrs_level"],
        row["recorder"] or "",
        row["recorded_at"],
    ]


ASSESSMENTS = QueryExport("assessments", COLUMNS, in_scope, assessment_row)
