"""Django's database sessions, read with one plain query.

Every signed-in request starts by reading its session: Django took ~0.35 ms to
build that query through the ORM, and the database ~0.03 ms to run it
(bench/packet_page.py, the packet page; measured again in docs/BENCHMARKS.md,
"Hand-written SQL, measured again"). Writing, expiry and the async reads stay
Django's, on the same table, so sessions carry over unchanged.
"""

from functools import cache

from django.contrib.sessions.backends import db
from django.db import connection
from django.utils import timezone


@cache
def session_sql():
    """The statement, with the table and columns named by Django's Session model."""
    model = db.SessionStore.get_model_class()
    quote = connection.ops.quote_name
    column = {name: quote(model._meta.get_field(name).column) for name in SESSION_COLUMNS}
    return (
        f"SELECT {column['session_data']} FROM {quote(model._meta.db_table)} "
        f"WHERE {column['session_key']} = %s AND {column['expire_date']} > %s"
    )


SESSION_COLUMNS = ("session_key", "session_data", "expire_date")


class SessionStore(db.SessionStore):
    def load(self):
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        with connection.cursor() as cursor:
            cursor.execute(session_sql(), [self.session_key, now])
            row = cursor.fetchone()
        if row is None:
            self._session_key = None  # unknown or expired: a new session is made
            return {}
        return self.decode(row[0])
