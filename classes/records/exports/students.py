"""Students: one row per enrollment in the period, with contact hours, whether the
student is a participant, their entering level and whether they made a gain."""

from classes.attendance import as_hours
from classes.records.exports.base import STUDENT_IN_CLASS, Column, ColumnTable, QueryExport
from classes.records.exports.learners import (
    gain_made,
    minutes_attended,
    participates,
    with_levels,
    yes_no,
)
from classes.records.exports.scope import Scope, enrollments_in, person_name


def participant(minutes):
    return yes_no(participates(minutes))


def measurable_skill_gain(entering, post):
    return yes_no(gain_made(entering, post))


# Documented in docs/records.md: columns may be added at the end, never renamed.
TABLE = ColumnTable(
    (
        *STUDENT_IN_CLASS,
        Column("enrolled_on", "enrolled_on"),
        Column("ended_on", "ended_on"),
        Column("status", "status"),
        Column("contact_hours", "class_minutes", as_hours),
        Column("student_contact_hours", "all_minutes", as_hours),
        Column("participant", "all_minutes", participant),
        Column("entering_nrs_level", "entering_nrs_level"),
        Column(
            "measurable_skill_gain",
            ("entering_nrs_level", "post_test_nrs_level"),
            measurable_skill_gain,
        ),
        Column("pre_test_on", "pre_test_on"),
        Column("post_test_nrs_level", "post_test_nrs_level"),
    )
)
COLUMNS = TABLE.headers


def in_scope(scope: Scope):
    enrollments = enrollments_in(scope).annotate(
        student_name=person_name("student__"),
        class_minutes=minutes_attended(scope, "student_id", "cohort_id"),
        all_minutes=minutes_attended(scope, "student_id"),
    )
    return with_levels(enrollments, scope, "student_id").order_by(
        "cohort__name", "cohort_id", "student_name", "student_id"
    )


STUDENTS = QueryExport("students", TABLE, in_scope)
