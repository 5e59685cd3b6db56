"""An XLSX opens ready to read: the header row stays in view while scrolling, and
every column is wide enough for its header and its values (a date never shows ###)."""

import io
from datetime import datetime

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from classes.records.exports import xlsx
from classes.records.exports.registry import EXPORTS

TERM = "start=2026-09-01&end=2026-12-31"
# A yyyy-mm-dd date needs ten characters of width, and a little room.
DATE_WIDTH = 11


def workbook(client, name):
    response = client.get(f"/records/exports/{name}.xlsx?{TERM}")
    assert response.status_code == 200
    return load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]


def widths(sheet):
    return [
        sheet.column_dimensions[get_column_letter(number)].width
        for number in range(1, sheet.max_column + 1)
    ]


@pytest.mark.parametrize("name", EXPORTS)
def test_the_header_row_is_frozen_and_every_header_fits(login, manager, program, name):
    sheet = workbook(login(manager), name)
    assert sheet.freeze_panes == "A2"
    header = [cell.value for cell in sheet[1]]
    assert all(width > len(title) for width, title in zip(widths(sheet), header, strict=True))


def test_dates_and_names_fit_their_columns(login, manager, program):
    sheet = workbook(login(manager), "attendance")
    header = [cell.value for cell in sheet[1]]
    column_width = dict(zip(header, widths(sheet), strict=True))
    assert isinstance(sheet.cell(row=2, column=header.index("session_date") + 1).value, datetime)
    assert column_width["session_date"] >= DATE_WIDTH
    longest_level = max(len(row[header.index("level")].value) for row in sheet.iter_rows(min_row=2))
    assert column_width["level"] > longest_level
    assert column_width["recorded_at"] > len("2026-10-26T20:05:11-04:00")


def test_a_very_long_text_does_not_make_a_column_wider_than_the_screen():
    file = io.BytesIO()
    xlsx.write(file, "notes", ["feedback"], iter([["word " * 200]]))
    sheet = load_workbook(file).worksheets[0]
    assert sheet.column_dimensions["A"].width == xlsx.MAX_WIDTH


def test_widths_are_measured_on_the_first_rows_and_every_row_is_still_written():
    rows = ([f"row {number}"] for number in range(xlsx.WIDTH_SAMPLE * 3))
    file = io.BytesIO()
    xlsx.write(file, "many", ["n"], rows)
    sheet = load_workbook(file, read_only=True).worksheets[0]
    values = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert values == [f"row {number}" for number in range(xlsx.WIDTH_SAMPLE * 3)]
