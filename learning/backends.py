"""Django's ModelBackend, loading the signed-in user with one plain query.

Every signed-in request loads its user: building that query took Django's ORM
~0.2 ms and running it ~0.02 ms (bench/packet_page.py, the packet page).
Signing in, permissions and everything else stay Django's own.
"""

from django.contrib.auth import backends, get_user_model
from django.db import connection


class ModelBackend(backends.ModelBackend):
    def get_user(self, user_id):
        user_model = get_user_model()
        table = connection.ops.quote_name(user_model._meta.db_table)
        key = connection.ops.quote_name(user_model._meta.pk.column)
        found = user_model.objects.raw(f"SELECT * FROM {table} WHERE {key} = %s", [user_id])
        user = next(iter(found), None)
        return user if user is not None and self.user_can_authenticate(user) else None
