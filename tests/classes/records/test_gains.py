"""Entering level and measurable skill gain: plain functions over assessments."""

import itertools
from datetime import date
from types import SimpleNamespace

from classes.records.filters import Period
from classes.records.gains import entering_level, made_gain, was_post_tested

TERM = Period(date(2026, 9, 1), date(2026, 12, 31))
_ids = itertools.count(1)


def result(day, phase, level):
    return SimpleNamespace(pk=next(_ids), taken_on=day, phase=phase, nrs_level=level)


def pre(day, level):
    return result(day, "pre", level)


def post(day, level):
    return result(day, "post", level)


def test_the_entering_level_is_the_first_pre_test_of_the_period():
    tests = [pre(date(2026, 10, 1), 3), pre(date(2026, 9, 10), 2), pre(date(2026, 8, 1), 1)]
    assert entering_level(tests, TERM) == 2


def test_two_pre_tests_on_the_same_day_take_the_first_recorded():
    first, second = pre(date(2026, 9, 10), 2), pre(date(2026, 9, 10), 3)
    assert entering_level([second, first], TERM) == 2


def test_no_pre_test_in_the_period_means_no_entering_level_and_no_gain():
    tests = [pre(date(2026, 8, 1), 1), post(date(2026, 10, 1), 3)]
    assert entering_level(tests, TERM) is None
    assert not made_gain(tests, TERM)
    assert was_post_tested(tests, TERM)


def test_a_post_test_at_a_higher_level_is_a_gain():
    assert made_gain([pre(date(2026, 9, 10), 2), post(date(2026, 12, 1), 3)], TERM)


def test_a_post_test_at_the_same_or_a_lower_level_is_no_gain():
    assert not made_gain([pre(date(2026, 9, 10), 2), post(date(2026, 12, 1), 2)], TERM)
    assert not made_gain([pre(date(2026, 9, 10), 2), post(date(2026, 12, 1), 1)], TERM)


def test_any_higher_post_test_counts_even_after_a_lower_one():
    tests = [pre(date(2026, 9, 10), 2), post(date(2026, 10, 1), 2), post(date(2026, 12, 1), 4)]
    assert made_gain(tests, TERM)


def test_a_post_test_after_the_period_or_before_the_pre_test_is_no_gain():
    assert not made_gain([pre(date(2026, 9, 10), 2), post(date(2027, 1, 5), 4)], TERM)
    assert not made_gain([post(date(2026, 9, 5), 4), pre(date(2026, 9, 10), 2)], TERM)


def test_the_gain_is_measured_from_the_first_pre_test_not_a_later_one():
    tests = [pre(date(2026, 9, 10), 2), pre(date(2026, 11, 1), 4), post(date(2026, 12, 1), 3)]
    assert made_gain(tests, TERM)


def test_no_assessments():
    assert entering_level([], TERM) is None
    assert not made_gain([], TERM)
    assert not was_post_tested([], TERM)
