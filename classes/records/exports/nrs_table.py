"""A summary shaped like NRS Table 4 (educational functioning level gain): one row
per entering NRS ESL level, 1 to 6, and a total row. Definitions in docs/records.md."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.utils import translation

from classes.attendance import as_hours
from classes.records.exports import base
from classes.records.exports.learners import has_gain, minutes_attended, participates, with_levels
from classes.records.exports.scope import Scope, enrollments_in
from classes.records.rates import percent
from packets.levels import NRSLevel

# Documented in docs/records.md: columns may be added at the end, never renamed.
COLUMNS = (
    "nrs_level",
    "entering_level",
    "participants",
    "contact_hours",
    "with_gain",
    "separated_without_gain",
    "remaining_without_gain",
    "percent_with_gain",
)
TOTAL = "total"


@dataclass
class Tally:
    participants: int = 0
    minutes: int = 0
    with_gain: int = 0
    separated: int = 0
    remaining: int = 0

    def add(self, student):
        self.participants += 1
        self.minutes += student["minutes"]
        if has_gain(student):
            self.with_gain += 1
        elif student["still_enrolled"]:
            self.remaining += 1
        else:
            self.separated += 1

    def row(self, level, name):
        return [
            level,
            name,
            self.participants,
            as_hours(self.minutes),
            self.with_gain,
            self.separated,
            self.remaining,
            one_decimal_percent(self.with_gain, self.participants),
        ]


def one_decimal_percent(part, whole):
    value = percent(Decimal(part), whole)
    return None if value is None else value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def students(scope: Scope):
    """One row per student with an enrollment in the period: minutes attended,
    entering level, best post-test and whether they are still enrolled."""
    enrollments = enrollments_in(scope)
    active = enrollments.active().filter(student_id=OuterRef("pk"))
    learners = (
        get_user_model()
        .objects.filter(pk__in=enrollments.values("student_id"))
        .annotate(minutes=minutes_attended(scope, "pk"), still_enrolled=Exists(active))
    )
    return (
        with_levels(learners, scope, "pk")
        .order_by()
        .values("pk", "minutes", "still_enrolled", "entering_nrs_level", "post_test_nrs_level")
    )


def table_rows(scope: Scope):
    tallies = {level: Tally() for level in NRSLevel.values}
    total = Tally()
    for student in students(scope).iterator(chunk_size=base.CHUNK_SIZE):
        level = student["entering_nrs_level"]
        if level in tallies and participates(student["minutes"]):
            tallies[level].add(student)
            total.add(student)
    # The NRS names are the federal table's, the same whatever the viewer's language.
    with translation.override("en"):
        names = {level.value: str(level.label) for level in NRSLevel}
    yield from (tallies[level].row(level, names[level]) for level in NRSLevel.values)
    yield total.row(TOTAL, "All levels")


class NRSTable4:
    name = "nrs-table-4"
    columns = COLUMNS

    def rows(self, scope: Scope):
        return table_rows(scope)

    def reach(self, scope: Scope) -> tuple[list[int], int]:
        """Every student whose records the figures are read from; 7 rows."""
        ids = enrollments_in(scope).order_by().values_list("student_id", flat=True).distinct()
        return list(ids), len(NRSLevel.values) + 1


NRS_TABLE_4 = NRSTable4()
