"""Students: one row per enrollment in the period, with contact hours, whether the
student is a participant, their entering level and whether they made a gain."""

from django.db.models import F

from classes.attendance import as_hours
from classes.records.exports.base import QueryExport
from classes.records.exports.learners import (
    has_gain,
    minutes_attended,
    participates,
    with_levels,
    yes_no,
)
from classes.records.exports.scope import Scope, enrollments_in, person_name

# Documented in docs/records.md: columns may be added at the end, never renamed.
COLUMNS = (
    "student_id",
    "student",
    "username",
    "class_id",
    "class",
    "level",
    "nrs_level",
    "enrolled_on",
    "ended_on",
    "status",
    "contact_hours",
    "student_contact_hours",
    "participant",
    "entering_nrs_level",
    "measurable_skill_gain",
    "pre_test_on",
    "post_test_nrs_level",
)


def in_scope(scope: Scope):
    enrollments = enrollments_in(scope).annotate(
        student_name=person_name("student__"),
        class_minutes=minutes_attended(scope, "student_id", "cohort_id"),
        all_minutes=minutes_attended(scope, "student_id"),
    )
    return (
        with_levels(enrollments, scope, "student_id")
        .order_by("cohort__name", "cohort_id", "student_name", "student_id")
        .values(
            "student_id",
            "student_name",
            "cohort_id",
            "enrolled_on",
            "ended_on",
            "status",
            "class_minutes",
            "all_minutes",
            "entering_nrs_level",
            "pre_test_on",
            "post_test_nrs_level",
            username=F("student__username"),
            class_name=F("cohort__name"),
            level_title=F("cohort__level__title"),
            level_nrs=F("cohort__level__nrs_level"),
        )
    )


def student_row(row):
    return [
        row["student_id"],
        row["student_name"],
        row["username"],
        row["cohort_id"],
        row["class_name"],
        row["level_title"],
        row["level_nrs"],
        row["enrolled_on"],
        row["ended_on"],
        row["status"],
        as_hours(row["class_minutes"]),
        as_hours(row["all_minutes"]),
        yes_no(participates(row["all_minutes"])),
        row["entering_nrs_level"],
        yes_no(has_gain(row)),
        row["pre_test_on"],
        row["post_test_nrs_level"],
    ]


STUDENTS = QueryExport("students", COLUMNS, in_scope, student_row)
