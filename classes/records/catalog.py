"""Reading the test catalog (classes/models/test_catalog.py) into the plain
values the rules of classes/records/testing_rules.py take."""

from classes.models import TestInstrument
from classes.records.testing_rules import Instrument


def as_instrument(row):
    return Instrument(
        code=row.code,
        name=str(row),
        approved_from=row.approved_from,
        approved_until=row.approved_until,
        active=row.active,
        min_hours=row.min_hours_between,
        forms={form.code: form.adaptive for form in row.forms.all()},
        bands=tuple((band.nrs_level, band.low, band.high) for band in row.bands.all()),
        form_notes={form.code: form.notes for form in row.forms.all()},
    )


def instruments(codes=None):
    """{code: Instrument} of the catalog (or of `codes`), in three queries."""
    rows = TestInstrument.objects.prefetch_related("forms", "bands")
    if codes is not None:
        rows = rows.filter(code__in=codes)
    return {row.code: as_instrument(row) for row in rows}


def instrument(code):
    """The catalog's test `code`, or None when the catalog has no such test."""
    return instruments([code]).get(code)
