"""Assessments: one row per standardized test taken in the period by a student
enrolled in a covered class."""

from classes.models import Assessment
from classes.records.exports.base import Column, ColumnTable, QueryExport, or_blank
from classes.records.exports.scope import Scope, between, enrollments_in, person_name

# Documented in docs/records.md: columns may be added at the end, never renamed.
TABLE = ColumnTable(
    (
        Column("assessment_id", "pk"),
        Column("student_id", "student_id"),
        Column("student", "student_name"),
        Column("username", "student__username"),
        Column("test", "test"),
        Column("form", "form"),
        Column("taken_on", "taken_on"),
        Column("phase", "phase"),
        Column("scale_score", "scale_score"),
        Column("nrs_level", "nrs_level"),
        Column("recorded_by", "recorded_by__username", or_blank),
        Column("recorded_at", "recorded_at"),
        Column("mode", "mode"),
        Column("proctor", "proctor"),
    )
)
COLUMNS = TABLE.headers


def in_scope(scope: Scope):
    students = enrollments_in(scope).values("student_id")
    return (
        Assessment.objects.filter(between("taken_on", scope.period), student_id__in=students)
        .annotate(student_name=person_name("student__"))
        .order_by("taken_on", "student_name", "student_id", "pk")
    )


ASSESSMENTS = QueryExport("assessments", TABLE, in_scope)
