"""A packet page's live assignments, each beside one row of another app's work
table (the `classes` app's submissions), in one written-out query.

Written out, not a QuerySet: the ORM took about 1 ms of CPU to build this query
(FilteredRelation, the page join), more than the rest of a cached packet page
(docs/BENCHMARKS.md, "Packet page"). It lives here so that no other app names
Wagtail's or packets' tables; every name comes from the models (packets/sql.py).
Packets never import the work table's app: its model is passed in.
"""

import functools

from django.db import connection
from wagtail.models import Page

from packets.sql import names


def assignments_with(work, assignment_ids, *, owner, columns):
    """[(slug, title, *columns)] for these live assignments by due date (none
    last) then tree order. `work` is a model with a foreign key to AssignmentPage;
    `owner` = (field name, id) picks at most one of its rows per assignment, whose
    `columns` follow (None when there is no row)."""
    if not assignment_ids:
        return []
    owner_field, owner_id = owner
    sql = statement(work, owner_field, tuple(columns))
    ids = ", ".join(["%s"] * len(assignment_ids))
    with connection.cursor() as cursor:
        cursor.execute(sql.format(ids=ids), [owner_id, *assignment_ids])
        return cursor.fetchall()


@functools.cache
def statement(work_model, owner_field, columns):
    """The query for `assignments_with`, with an `{ids}` gap for the placeholders."""
    from packets.models import AssignmentPage

    page, assignment, work = names(Page), names(AssignmentPage), names(work_model)
    link = next(
        field.name
        for field in work_model._meta.concrete_fields
        if field.many_to_one and field.related_model is AssignmentPage
    )
    selected = ", ".join(f"work.{getattr(work, name)}" for name in columns)
    return f"""
        SELECT page.{page.slug}, page.{page.title}, {selected}
        FROM {page.table} page
        JOIN {assignment.table} assignment ON assignment.{assignment.page_ptr} = page.{page.id}
        LEFT JOIN {work.table} work
            ON work.{getattr(work, link)} = page.{page.id}
            AND work.{getattr(work, owner_field)} = %s
        WHERE page.{page.live} AND page.{page.id} IN ({{ids}})
        ORDER BY assignment.{assignment.due_date} IS NULL, assignment.{assignment.due_date},
            page.{page.path}
    """
