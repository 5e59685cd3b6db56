"""The two statements that run for every chat message (the access check and the
save) run as prepared statements on PostgreSQL: planned once per connection,
not once per message.

Django binds parameters on the client, so each message's statement is new text
that PostgreSQL parses and plans again: for the access query that was ~0.65 ms
of the database's CPU per message, against ~0.07 ms prepared (measured here;
docs/BENCHMARKS.md). Everything else keeps Django's cursors."""

from django.db import connection


def fetch_one(sql, params):
    """The first row of `sql` (with %(name)s or %s parameters), or None."""
    with connection.cursor() as cursor:  # Django's health check and connection
        if connection.vendor != "postgresql":
            cursor.execute(sql, params)
            return cursor.fetchone()
        import psycopg

        # Errors come out as django.db errors (IntegrityError for a retried send).
        with connection.wrap_database_errors, psycopg.Cursor(connection.connection) as prepared:
            prepared.execute(sql, params, prepare=True)
            return prepared.fetchone()
