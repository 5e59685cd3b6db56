"""An export drawn from one query: its rows are read in chunks while they are sent."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet

from classes.records.exports.scope import Scope

# Rows fetched from the database at a time: memory is bounded by this, not the export.
CHUNK_SIZE = 1000


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
    name: str
    columns: tuple[str, ...]
    # values() rows, each with a student_id, in the documented order.
    queryset: Callable[[Scope], QuerySet]
    # One values() row → the cells, in the order of `columns`.
    row: Callable[[dict], list]

    def rows(self, scope: Scope):
        return read(self.queryset(scope), self.row)

    def reach(self, scope: Scope) -> tuple[list[int], int]:
        return reach(self.queryset(scope))
