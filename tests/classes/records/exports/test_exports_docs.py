"""docs/records.md documents every column of every export, in order: the stable
format funders build on is the one written down."""

from pathlib import Path

import pytest

from classes.records.exports import attendance
from classes.records.exports.registry import EXPORTS

DOC = Path(__file__).resolve().parents[4] / "docs" / "records.md"


def documented_columns(heading):
    """The first cells (`name`) of the column table under the heading starting so."""
    lines = DOC.read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(heading))
    columns = []
    for line in lines[start + 1 :]:
        if line.startswith("#"):
            break
        if line.startswith("| `"):
            columns.append(line.split("`")[1])
    return tuple(columns)


def test_the_attendance_of_a_class_is_documented():
    assert documented_columns("## Attendance of a class") == attendance.COLUMNS


@pytest.mark.parametrize("name", [name for name in EXPORTS if name != "attendance"])
def test_each_export_s_columns_are_documented_in_order(name):
    assert documented_columns(f"### `{name}`") == EXPORTS[name].columns


def test_the_attendance_export_has_the_class_csv_s_columns():
    assert EXPORTS["attendance"].columns == attendance.COLUMNS
    assert documented_columns("### `attendance`") == ()  # it points to the table above
