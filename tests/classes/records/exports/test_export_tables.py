"""Every export's header and every row come from one table of columns, each column
stated once: the header row, the query's values and the row's cells cannot shift
against each other."""

from datetime import date

import pytest

from classes.models import Class
from classes.records.exports.base import QueryExport, source_key
from classes.records.exports.registry import EXPORTS
from classes.records.exports.scope import Scope
from classes.records.filters import Period

TERM = Period(date(2026, 9, 7), date(2026, 12, 18))
QUERY_EXPORTS = [name for name, export in EXPORTS.items() if isinstance(export, QueryExport)]


def test_the_exports_drawn_from_one_query_are_all_column_tables():
    # The NRS table is a summary (one row per level), not a query's rows.
    assert set(EXPORTS) - set(QUERY_EXPORTS) == {"nrs-table-4"}


@pytest.mark.parametrize("name", QUERY_EXPORTS)
def test_the_header_is_the_tables_and_has_no_repeated_column(name):
    export = EXPORTS[name]
    headers = tuple(column.header for column in export.table.columns)
    # The students export adds its proxy hours after the query's columns.
    headers += getattr(export, "added", ())
    assert export.columns == headers
    assert len(set(headers)) == len(headers)


@pytest.mark.django_db
@pytest.mark.parametrize("name", QUERY_EXPORTS)
def test_the_query_reads_exactly_the_tables_sources(name):
    export = EXPORTS[name]
    scope = Scope(classes=Class.objects.all(), period=TERM)
    query = export.values(scope).query
    read = set(query.values_select) | set(query.annotation_select)
    wanted = {
        source_key(source, column.header)
        for column in export.table.columns
        for source in column.sources
    }
    assert read == wanted


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_every_row_is_as_long_as_the_header(program, name):
    export = EXPORTS[name]
    scope = Scope(classes=Class.objects.all(), period=TERM)
    rows = list(export.rows(scope))
    assert rows
    assert {len(row) for row in rows} == {len(export.columns)}
