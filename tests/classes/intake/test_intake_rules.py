"""How intake is counted in the federal tables: hand-computed cases."""

from datetime import date
from types import SimpleNamespace

import pytest

from classes.intake.services import NOT_REPORTED, age_band, entry_for_period, race_ethnicity


def person(**fields):
    values = {"date_of_birth": None, "ethnicity": "", "races": [], "races_declined": False}
    return SimpleNamespace(**{**values, **fields})


@pytest.mark.parametrize(
    ("born", "on", "band"),
    [
        (date(2008, 7, 2), date(2026, 7, 1), "16-18"),  # 17: a day short of 18
        (date(2007, 7, 1), date(2026, 7, 1), "19-24"),  # 19 on the day
        (date(1990, 7, 1), date(2026, 7, 1), "25-44"),
        (date(1971, 6, 30), date(2026, 7, 1), "55-59"),
        (date(1966, 7, 1), date(2026, 7, 1), "60+"),
        (date(2011, 1, 1), date(2026, 7, 1), "under-16"),
    ],
)
def test_age_at_entry_falls_in_the_nrs_band(born, on, band):
    assert age_band(person(date_of_birth=born), on) == band


def test_an_unknown_or_declined_date_of_birth_is_not_reported():
    assert age_band(person(), date(2026, 7, 1)) == NOT_REPORTED
    assert age_band(None, date(2026, 7, 1)) == NOT_REPORTED


@pytest.mark.parametrize(
    ("answers", "category"),
    [
        ({"ethnicity": "hispanic", "races": ["white", "black"]}, "hispanic"),
        ({"ethnicity": "not_hispanic", "races": ["asian"]}, "asian"),
        ({"ethnicity": "not_hispanic", "races": ["asian", "white"]}, "more_than_one"),
        ({"ethnicity": "declined", "races": ["black"]}, "black"),
        ({"ethnicity": "not_hispanic", "races_declined": True}, NOT_REPORTED),
        ({}, NOT_REPORTED),
    ],
)
def test_one_race_ethnicity_category_per_person(answers, category):
    assert race_ethnicity(person(**answers)) == category


def entry(day):
    return SimpleNamespace(entry_date=day)


def period(start, exit_date=None):
    return SimpleNamespace(start=start, exit_date=exit_date)


def test_a_period_takes_the_first_entry_dated_within_it():
    entries = [entry(date(2026, 9, 20)), entry(date(2026, 9, 8)), entry(date(2025, 9, 1))]
    found = entry_for_period(entries, period(date(2026, 9, 7)))
    assert found.entry_date == date(2026, 9, 8)


def test_a_re_entry_without_a_new_entry_uses_the_latest_before_it():
    entries = [entry(date(2025, 9, 1)), entry(date(2024, 9, 1))]
    found = entry_for_period(entries, period(date(2026, 1, 12)))
    assert found.entry_date == date(2025, 9, 1)


def test_an_entry_after_the_period_ended_does_not_describe_it():
    entries = [entry(date(2026, 9, 1))]
    assert entry_for_period(entries, period(date(2025, 9, 1), date(2025, 12, 1))) is None
