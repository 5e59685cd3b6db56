"""Names for the few written-out queries in packets (page_cache.py,
assignment_rows.py): taken from the models, so that a renamed table or column
cannot leave a query behind."""

from django.db import connection


class names:
    """A model's quoted table name (`.table`) and column names (`.<field name>`:
    `names(Page).live_revision` is the quoted "live_revision_id")."""

    def __init__(self, model):
        self.model = model
        self.table = connection.ops.quote_name(model._meta.db_table)

    def __getattr__(self, field_name):
        return connection.ops.quote_name(self.model._meta.get_field(field_name).column)
