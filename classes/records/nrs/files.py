"""A program year's NRS tables as flat files, one per table: the same cells the
NRS page shows (classes/records/nrs/figures.py), or a snapshot's frozen ones.

Each file has one row per row of the table — its stable key and its name — and
one column per column of the table, headed by the column's stable key (the
layout and the NRS table shells' column letters: docs/records.md, "NRS tables
as files"). Table 6 has three parts in one file, told apart by a `part` column.
Pure functions of the tables: no queries."""

import re
from dataclasses import dataclass
from decimal import Decimal

from django.utils import translation

# The file names, as in the URL, and the table each one holds.
TABLES = {"1": "1", "2": "2", "3": "3", "4": "4", "4b": "4B", "4c": "4C", "6": "6"}
# Table 6's parts, in the order demographics.table_6 makes them.
TABLE_6_PARTS = ("employment", "schooling", "barriers")
# How a snapshot writes a figure that has no value (snapshots.as_text).
NO_VALUE = "–"
WHOLE = re.compile(r"-?\d+")
DECIMAL = re.compile(r"-?\d+\.\d+")


@dataclass(frozen=True)
class TableFile:
    name: str  # "4b"
    headers: tuple[str, ...]
    rows: list[list]


def parts_of(figures, name):
    number = TABLES[name]
    return [table for table in figures.all_tables if table.number == number]


def column_keys(parts):
    """Every part's column keys, each once, in the order they first appear."""
    keys = []
    for part in parts:
        for key, _label in part.columns:
            if str(key) not in keys:
                keys.append(str(key))
    return keys


def table_file(figures, name, cell=lambda value: value) -> TableFile:
    """The table `name` of `figures` as a file; `cell` turns a figure into a cell.
    Row names are written in English, as the federal tables name them (a
    snapshot's were frozen in the words of who froze it and stay so)."""
    parts = parts_of(figures, name)
    keys = column_keys(parts)
    several = len(parts) > 1
    rows = []
    with translation.override("en"):
        for index, part in enumerate(parts):
            by_key = [str(key) for key, _label in part.columns]
            for key, label, values in part.rows:
                figures_by_key = dict(zip(by_key, values, strict=True))
                cells = [cell(figures_by_key.get(column)) for column in keys]
                start = [TABLE_6_PARTS[index]] if several else []
                rows.append([*start, str(key), str(label), *cells])
    headers = (*(["part"] if several else []), "row_key", "row", *keys)
    return TableFile(name, tuple(headers), rows)


def thawed_cell(text):
    """A snapshot's figure (kept as text) as the number it was, so that an XLSX
    sums it; "–" (none) as an empty cell."""
    if text is None or text == NO_VALUE:
        return None
    if WHOLE.fullmatch(text):
        return int(text)
    if DECIMAL.fullmatch(text):
        return Decimal(text)
    return text


def year_name(year):
    """`2026-27`: the program year as file names carry it."""
    return f"{year.first_day.year}-{year.last_day.year % 100:02d}"


def file_name(name, year, fmt, snapshot_id=None):
    frozen = f"-snapshot-{snapshot_id}" if snapshot_id is not None else ""
    return f"harbor-nrs-table-{name}-{year_name(year)}{frozen}.{fmt}"
