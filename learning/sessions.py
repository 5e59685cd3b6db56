"""Django's database sessions, read with one plain query.

Every signed-in request starts by reading its session: Django took ~0.35 ms to
build that query through the ORM, and the database ~0.03 ms to run it
(bench/packet_page.py, the packet page). Writing, expiry and the async reads
stay Django's, on the same table, so sessions carry over unchanged.
"""

from django.contrib.sessions.backends import db
from django.db import connection
from django.utils import timezone

SESSION_SQL = """
    SELECT session_data FROM django_session WHERE session_key = %s AND expire_date > %s
"""


class SessionStore(db.SessionStore):
    def load(self):
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        with connection.cursor() as cursor:
            cursor.execute(SESSION_SQL, [self.session_key, now])
            row = cursor.fetchone()
        if row is None:
            self._session_key = None  # unknown or expired: a new session is made
            return {}
        return self.decode(row[0])
