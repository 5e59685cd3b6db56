"""An export drawn from one query: its rows are read in chunks while they are sent.

Each such export is one table of columns, every column stated once: its header,
what the query reads for it and how that value becomes the cell. The header row,
the query's values() and the conversion of each row all come from that table, so
a column cannot shift against its header.
"""

from collections.abc import Callable
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from django.db.models import F, QuerySet

from classes.records.exports.scope import Scope

# Rows fetched from the database at a time: memory is bounded by this, not the export.
CHUNK_SIZE = 1000


def as_is(value):
    return value


def or_blank(value):
    return value or ""


@dataclass(frozen=True)
class Column:
    """One column of an export.

    `source`: a field path or annotation name (`"cohort__name"`), or an expression,
    that the query reads; or a tuple of field/annotation names when the cell is
    made of several values (the converter then gets them in that order).
    `convert`: the value(s) → the cell."""

    header: str
    source: Any
    convert: Callable = as_is

    @property
    def sources(self) -> tuple:
        return self.source if isinstance(self.source, tuple) else (self.source,)


def source_key(source, header: str) -> str:
    """The name a source has in a values() row. A plain field or annotation keeps
    its own name; a path or an expression gets an alias that no model field has."""
    if isinstance(source, str):
        return source if "__" not in source else "v_" + source.replace("__", "_")
    return f"v_{header}"


@dataclass(frozen=True)
class ColumnTable:
    columns: tuple[Column, ...]

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(column.header for column in self.columns)

    def keys(self) -> list[list[str]]:
        """For each column, the values() names of its sources."""
        return [[source_key(s, c.header) for s in c.sources] for c in self.columns]

    def values(self, queryset: QuerySet) -> QuerySet:
        """`queryset.values(...)` reading every column's sources, each once."""
        fields, aliases = [], {}
        for column in self.columns:
            for source in column.sources:
                key = source_key(source, column.header)
                if key == source:
                    if key not in fields:
                        fields.append(key)
                else:
                    aliases[key] = F(source) if isinstance(source, str) else source
        return queryset.values(*fields, **aliases)

    def converter(self) -> Callable[[dict], list]:
        """One values() row → the cells, in the order of the headers. This runs for
        every row of an export: the values are taken all at once (itemgetter) and
        only the columns with a converter call one."""
        keys = self.keys()
        take = itemgetter(*(column_keys[0] for column_keys in keys))
        single, several = [], []
        for index, (column, column_keys) in enumerate(zip(self.columns, keys, strict=True)):
            if len(column_keys) > 1:
                several.append((index, column.convert, itemgetter(*column_keys)))
            elif column.convert is not as_is:
                single.append((index, column.convert))

        def row(values):
            cells = list(take(values))
            for index, convert in single:
                cells[index] = convert(cells[index])
            for index, convert, take_several in several:
                cells[index] = convert(*take_several(values))
            return cells

        return row


def read(queryset: QuerySet, row: Callable[[dict], list]):
    for values in queryset.iterator(chunk_size=CHUNK_SIZE):
        yield row(values)


def reach(queryset: QuerySet) -> tuple[list[int], int]:
    """Which students the rows are about, and how many rows there are: written to
    the audit before the first row is sent. Two queries, whatever the size."""
    students = queryset.order_by().values_list("student_id", flat=True).distinct()
    return list(students), queryset.count()


@dataclass(frozen=True)
class QueryExport:
    """An export whose rows are `table` read from `queryset(scope)`, in order: the
    queryset is filtered, annotated and ordered; `table.values` picks its columns."""

    name: str
    table: ColumnTable
    queryset: Callable[[Scope], QuerySet]

    @property
    def columns(self) -> tuple[str, ...]:
        return self.table.headers

    def values(self, scope: Scope) -> QuerySet:
        return self.table.values(self.queryset(scope))

    def rows(self, scope: Scope):
        return read(self.values(scope), self.table.converter())

    def reach(self, scope: Scope) -> tuple[list[int], int]:
        # student_id is read through the model, whatever the table's columns are.
        return reach(self.queryset(scope))


# The columns that say whose row it is and in which class, for the exports of
# rows with `student` and `cohort` (students, submissions): one definition.
STUDENT_IN_CLASS = (
    Column("student_id", "student_id"),
    Column("student", "student_name"),
    Column("username", "student__username"),
    Column("class_id", "cohort_id"),
    Column("class", "cohort__name"),
    Column("level", "cohort__level__title"),
    Column("nrs_level", "cohort__level__nrs_level"),
)
