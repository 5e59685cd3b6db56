"""Students: one row per enrollment in the period, with contact hours, whether the
student is a participant, their entering level and whether they made a gain; and
the hours of each kind (in person, live virtual, proxy: classes/records/hours.py)."""

from dataclasses import dataclass

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
from classes.records.hours import IN_PERSON, LIVE_VIRTUAL, attended_kind, proxy_minutes_by_class


def participant(minutes):
    return yes_no(participates(minutes))


def measurable_skill_gain(entering, post):
    return yes_no(gain_made(entering, post))


def hours_if(kind):
    """The class's contact hours when its mode makes them `kind`, else 0."""

    def convert(minutes, mode):
        return as_hours(minutes if attended_kind(mode) == kind else 0)

    return convert


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
        Column("in_person_hours", ("class_minutes", "cohort__mode"), hours_if(IN_PERSON)),
        Column("live_virtual_hours", ("class_minutes", "cohort__mode"), hours_if(LIVE_VIRTUAL)),
    )
)
# Proxy hours come from the work, not from one SQL row (classes/records/proxy.py):
# loaded once for every student of the export, then added to each row.
PROXY_COLUMNS = ("proxy_hours", "total_hours")
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


@dataclass(frozen=True)
class WithProxyHours(QueryExport):
    """The rows of `table`, each with the proxy hours its student earned in its
    class in the period, and its hours of every kind together. The queries of
    proxy hours (classes/records/hours.py) once, then one streamed query."""

    added: tuple = PROXY_COLUMNS  # after the table's own columns

    @property
    def columns(self) -> tuple[str, ...]:
        return (*self.table.headers, *self.added)

    def rows(self, scope: Scope):
        students = enrollments_in(scope).values("student_id")
        proxy = proxy_minutes_by_class(students, scope.classes, scope.period)
        headers = self.table.headers
        student, cohort = headers.index("student_id"), headers.index("class_id")
        contact = headers.index("contact_hours")
        for cells in super().rows(scope):
            minutes = proxy.get(cells[cohort], {}).get(cells[student], 0)
            yield [*cells, as_hours(minutes), cells[contact] + as_hours(minutes)]


STUDENTS = WithProxyHours("students", TABLE, in_scope)
