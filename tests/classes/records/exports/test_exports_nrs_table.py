"""The NRS Table 4 summary against figures worked out by hand."""

from datetime import date

import pytest

from classes.enrollment import withdraw
from classes.models import Enrollment
from learning.roles import Role
from tests.classes.records.exports.conftest import TERM, csv_rows, xlsx_rows

HEADER = [
    "nrs_level",
    "entering_level",
    "participants",
    "contact_hours",
    "with_gain",
    "separated_without_gain",
    "remaining_without_gain",
    "percent_with_gain",
]
# Worked out by hand from the `cohort` fixture below.
EXPECTED = [
    ["1", "Beginning ESL Literacy", "1", "12.00", "0", "0", "1", "0.0"],
    ["2", "Low Beginning ESL", "3", "39.00", "1", "1", "1", "33.3"],
    ["3", "High Beginning ESL", "1", "16.00", "0", "0", "1", "0.0"],
    ["4", "Low Intermediate ESL", "0", "0.00", "0", "0", "0", ""],
    ["5", "High Intermediate ESL", "0", "0.00", "0", "0", "0", ""],
    ["6", "Advanced ESL", "0", "0.00", "0", "0", "0", ""],
    ["total", "All levels", "5", "67.00", "1", "1", "3", "20.0"],
]


@pytest.fixture
def cohort(a_class, join, attend, assess):
    """Seven students of one class (120-minute sessions; 12 hours make a participant).

    counted (participants with an entering level):
    - gained:     pre 2, post 3, 14 h                    → level 2, gain
    - flat:       pre 2, post 2, 12 h                    → level 2, no gain, still enrolled
    - withdrawn:  pre 2, no post, 13 h, then withdrawn   → level 2, separated without gain
    - untested:   pre 3, no post, 16 h                   → level 3, no gain, still enrolled
    - early:      a post at 2 the day before a pre at 1  → level 1, no gain (post before pre)
    not counted:
    - too_few:    pre 2, post 4, 10 h                    → not a participant
    - no_pretest: post 3, 20 h                           → no entering level
    """
    names = ["gained", "flat", "withdrawn", "untested", "early", "too_few", "no_pretest"]
    people = {name: join(a_class, display_name=name) for name in names}
    for name, sessions in [
        ("gained", 7),
        ("flat", 6),
        ("withdrawn", 6),
        ("untested", 8),
        ("early", 6),
        ("too_few", 5),
        ("no_pretest", 10),
    ]:
        attend(a_class, [people[name]], sessions=sessions)
    attend(a_class, [people["withdrawn"]], sessions=1, status="late", minutes=60, skip=20)
    september, december = date(2026, 9, 8), date(2026, 12, 1)
    for name, pre, post in [
        ("gained", 2, 3),
        ("flat", 2, 2),
        ("withdrawn", 2, None),
        ("untested", 3, None),
        ("too_few", 2, 4),
        ("no_pretest", None, 3),
    ]:
        if pre:
            assess(people[name], "pre", pre, september)
        if post:
            assess(people[name], "post", post, december)
    assess(people["early"], "post", 2, date(2026, 9, 9))
    assess(people["early"], "pre", 1, date(2026, 9, 10))
    withdraw(Enrollment.objects.get(student=people["withdrawn"]))
    return people


def test_the_table_counts_participants_and_gains_by_entering_level(login, manager, cohort):
    rows = csv_rows(login(manager).get(f"/records/exports/nrs-table-4.csv?{TERM}"))
    assert rows == [HEADER, *EXPECTED]


def test_the_xlsx_table_has_the_same_figures(login, manager, cohort):
    header, *rows = xlsx_rows(login(manager).get(f"/records/exports/nrs-table-4.xlsx?{TERM}"))
    assert header == HEADER
    as_text = [["" if cell is None else f"{cell}" for cell in row] for row in rows]
    assert [row[:3] for row in as_text] == [row[:3] for row in EXPECTED]
    assert [float(row[3]) for row in as_text] == [float(row[3]) for row in EXPECTED]


def test_a_teacher_s_table_counts_only_their_classes(login, cohort, make_cohort, make_user):
    other = make_user(Role.TEACHER)
    make_cohort(teachers=[other], name="Saturday class")
    rows = csv_rows(login(other).get(f"/records/exports/nrs-table-4.csv?{TERM}"))
    assert rows[-1] == ["total", "All levels", "0", "0.00", "0", "0", "0", ""]
