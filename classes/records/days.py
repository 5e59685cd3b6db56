"""The local date of a stored moment, in the database (records are by the
program's local day, not UTC's)."""

from django.db.models.functions import TruncDate
from django.utils import timezone


def local_day(field):
    return TruncDate(field, tzinfo=timezone.get_default_timezone())
