"""Freezing a program year's NRS tables as submitted (classes/models/nrs.py).
The tables are kept as text — numbers and labels in the words of the manager
who froze them — so a snapshot shows exactly what was reported, whatever the
rules or the records become."""

from django.db import transaction

from classes.models import NrsSnapshot
from classes.records.nrs.demographics import Table
from classes.records.nrs.figures import YearFigures, year_figures


def as_text(value):
    return "–" if value is None else str(value)


def frozen_table(table):
    return {
        "number": table.number,
        "title": str(table.title),
        "groups": [[str(label), span] for label, span in table.groups],
        "columns": [[key, str(label)] for key, label in table.columns],
        "rows": [
            [str(key), str(label), [as_text(v) for v in values]]
            for key, label, values in table.rows
        ],
    }


def thawed_table(data):
    return Table(
        data["number"],
        data["title"],
        tuple(tuple(column) for column in data["columns"]),
        tuple((key, label, tuple(values)) for key, label, values in data["rows"]),
        tuple(tuple(group) for group in data["groups"]),
    )


@transaction.atomic
def freeze(year, *, by, note, today, rules) -> NrsSnapshot:
    figures = year_figures(year, today, rules)
    frozen = {
        "participants": figures.participants,
        "reportable": figures.reportable,
        "tables": [frozen_table(t) for t in figures.all_tables],
    }
    return NrsSnapshot.objects.create(
        year_start=year.first_day, taken_by=by, note=note.strip(), figures=frozen
    )


def snapshot_figures(snapshot) -> YearFigures:
    """The frozen figures in the shape the page shows (the parts by table number)."""
    tables = [thawed_table(t) for t in snapshot.figures["tables"]]
    return YearFigures(
        snapshot.figures["participants"],
        snapshot.figures["reportable"],
        tuple(t for t in tables if t.number in ("1", "2", "3")),
        tuple(t for t in tables if t.number.startswith("4")),
        tuple(t for t in tables if t.number == "6"),
    )
