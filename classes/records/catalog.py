"""Reading the test catalog (classes/models/test_catalog.py) into the plain
values the rules of classes/records/testing_rules.py take, and what it says
about itself: tests a manager has not brought up to date."""

from datetime import date

from django.db.models import Q

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


# The approvals of the tests of the former NRS ESL levels ended on February 2,
# 2024; the Federal Register of March 18, 2024 (89 FR 19307) extended their
# sunset to this day. New ESL tests measure the new levels since July 13, 2023.
FORMER_ESL_SUNSET = date(2025, 6, 30)
# The "approved from" migration 0022 gave the former tests it loaded: a row that
# still holds it, with no end or an end after the sunset, was never updated.
LOADED_APPROVAL = date(2016, 7, 1)


def former_tests_still_counted(period):
    """The catalog's tests of the former ESL levels that it still counts after
    their sunset, for a period that reaches past it: the NRS page warns of them
    (docs/records.md, "What is known to be out of date")."""
    if period.last_day <= FORMER_ESL_SUNSET:
        return []
    rows = TestInstrument.objects.filter(active=True, approved_from=LOADED_APPROVAL).filter(
        Q(approved_until__isnull=True) | Q(approved_until__gt=FORMER_ESL_SUNSET)
    )
    return [str(row) for row in rows.order_by("name", "pk")]
