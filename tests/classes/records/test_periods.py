"""Periods of participation, worked out by hand (rules: docs/records.md,
"Periods of participation"). Dates are local dates; 120 minutes is 2 hours."""

from datetime import date, timedelta
from decimal import Decimal

from classes.records.gains import Result
from classes.records.periods import (
    Service,
    Span,
    count_gains,
    gains_by_period,
    in_program_year,
    periods_of_participation,
)
from classes.records.rules import NrsRules, nrs_rules, program_year

RULES = NrsRules()
TODAY = date(2027, 6, 1)


def served(*days, minutes=120):
    return [Service(day, minutes) for day in days]


def periods(service, spans=(), sessions=None, today=TODAY, rules=RULES):
    return periods_of_participation(service, list(spans), sessions or {}, today, rules)


def test_six_hours_a_gap_of_more_than_90_days_and_six_more_are_two_periods_and_no_participant():
    # 3 × 2 h in September; nothing for 119 days; 3 × 2 h in January.
    service = served(date(2026, 9, 1), date(2026, 9, 3), date(2026, 9, 8))
    service += served(date(2027, 1, 5), date(2027, 1, 7), date(2027, 1, 12))
    first, second = periods(service)
    assert (first.start, first.exit_date, first.hours) == (
        date(2026, 9, 1),
        date(2026, 9, 8),
        Decimal("6.00"),
    )
    assert (second.start, second.hours) == (date(2027, 1, 5), Decimal("6.00"))
    assert not first.is_participant and not second.is_participant


def test_the_same_twelve_hours_without_the_gap_make_one_participant():
    service = served(date(2026, 9, 1), date(2026, 9, 3), date(2026, 9, 8), date(2026, 10, 1))
    service += served(date(2026, 10, 6), date(2026, 10, 8))
    (only,) = periods(service, today=date(2026, 10, 9))
    assert only.hours == Decimal("12.00") and only.is_participant
    assert only.exit_date is None  # served yesterday: still in the program


def test_a_student_exits_on_the_date_of_their_last_service():
    (only,) = periods(served(date(2026, 9, 1), date(2026, 9, 14)), today=date(2027, 1, 1))
    assert only.last_service == only.exit_date == date(2026, 9, 14)


def test_exactly_90_days_without_service_keeps_the_period_and_91_ends_it():
    start = date(2026, 9, 1)
    assert len(periods(served(start, start + timedelta(days=90)))) == 1
    assert len(periods(served(start, start + timedelta(days=91)))) == 2
    # The open end: 90 days after the last service the student has not exited yet.
    assert periods(served(start), today=start + timedelta(days=90))[0].exit_date is None
    assert periods(served(start), today=start + timedelta(days=91))[0].exit_date == start


def test_two_periods_in_one_program_year():
    first = served(*(date(2026, 8, 3) + timedelta(days=2 * n) for n in range(6)))  # 12 h
    second = served(date(2027, 1, 11), date(2027, 1, 13))  # 4 h, 153 days later
    year = program_year(date(2026, 12, 1), RULES)
    counted = in_program_year(periods(first + second, today=date(2027, 2, 1)), year)
    assert [(c.period.start, c.hours, c.is_participant) for c in counted] == [
        (date(2026, 8, 3), Decimal("12.00"), True),
        (date(2027, 1, 11), Decimal("4.00"), False),
    ]
    assert counted[0].exited_in_year and not counted[1].exited_in_year


def test_a_period_across_july_1_counts_in_both_years_with_its_hours_so_far():
    # 8 h in May and June 2027, then 6 h in July: one period of 14 hours.
    service = served(date(2027, 5, 10), date(2027, 5, 12), date(2027, 6, 7), date(2027, 6, 9))
    service += served(date(2027, 7, 12), date(2027, 7, 14), date(2027, 7, 19))
    (only,) = periods(service, today=date(2027, 7, 20))
    assert only.hours == Decimal("14.00")
    (in_first,) = in_program_year([only], program_year(date(2027, 6, 30), RULES))
    (in_second,) = in_program_year([only], program_year(date(2027, 7, 1), RULES))
    # By June 30 the period had 8 hours: a reportable individual in 2026–27.
    assert (in_first.hours, in_first.hours_in_year, in_first.is_participant) == (
        Decimal("8.00"),
        Decimal("8.00"),
        False,
    )
    assert not in_first.carried_in and not in_first.exited_in_year
    # 2027–28 counts the whole period so far (14 h): a participant, carried in.
    assert (in_second.hours, in_second.hours_in_year, in_second.is_participant) == (
        Decimal("14.00"),
        Decimal("6.00"),
        True,
    )
    assert in_second.carried_in


def test_a_period_exited_before_the_year_is_not_in_it():
    (only,) = periods(served(date(2026, 3, 2)))
    assert in_program_year([only], program_year(date(2026, 7, 1), RULES)) == []


# A class that meets until 10 December and, after a planned break, from 22 March
# (102 days later); the student stays enrolled throughout.
BREAK_CLASS = 7
BEFORE = [date(2026, 12, 1), date(2026, 12, 3), date(2026, 12, 8), date(2026, 12, 10)]
AFTER = [date(2027, 3, 22), date(2027, 3, 24)]
ENROLLED = Span(BREAK_CLASS, date(2026, 9, 1))


def test_a_class_break_with_sessions_after_it_does_not_end_the_period():
    service = served(*BEFORE, *AFTER)
    (only,) = periods(service, [ENROLLED], {BREAK_CLASS: BEFORE + AFTER})
    assert (only.start, only.exit_date, only.hours) == (date(2026, 12, 1), None, Decimal("12.00"))
    assert only.is_participant


def test_during_the_break_the_student_has_not_exited_while_a_session_is_scheduled():
    sessions = {BREAK_CLASS: BEFORE + AFTER}
    (waiting,) = periods(served(*BEFORE), [ENROLLED], sessions, today=date(2027, 3, 20))
    assert waiting.exit_date is None
    # No session scheduled after the break: exited on the last day of service.
    (gone,) = periods(served(*BEFORE), [ENROLLED], {BREAK_CLASS: BEFORE}, today=date(2027, 3, 20))
    assert gone.exit_date == date(2026, 12, 10)


def test_a_gap_is_no_break_if_the_class_met_and_the_student_missed_it():
    missed = date(2026, 12, 15)  # the class met once more; the student did not come
    sessions = {BREAK_CLASS: [*BEFORE, missed, *AFTER]}
    first, second = periods(served(*BEFORE, *AFTER), [ENROLLED], sessions)
    assert first.exit_date == date(2026, 12, 10) and second.start == date(2027, 3, 22)


def test_a_gap_is_no_break_if_the_student_left_the_class_during_it():
    left = Span(BREAK_CLASS, date(2026, 9, 1), date(2027, 1, 15))
    assert len(periods(served(*BEFORE, *AFTER), [left], {BREAK_CLASS: BEFORE + AFTER})) == 2


def pre(pk, day, level):
    return Result(pk, day, "pre", level)


def post(pk, day, level):
    return Result(pk, day, "post", level)


def test_at_most_one_measurable_skill_gain_per_period():
    service = served(date(2026, 9, 1), date(2026, 11, 2), date(2027, 3, 1), date(2027, 4, 1))
    first, second = periods(service)
    tests = [
        pre(1, date(2026, 9, 1), 2),
        post(2, date(2026, 10, 1), 3),  # a gain
        post(3, date(2026, 11, 2), 4),  # a second gain in the same period: not counted again
        pre(4, date(2027, 3, 1), 4),
        post(5, date(2027, 4, 1), 5),  # a gain in the second period
    ]
    assert gains_by_period(tests, [first, second]) == [(first, True), (second, True)]
    assert count_gains(tests, [first, second]) == 2


def test_a_post_test_needs_a_pre_test_in_its_own_period():
    first, second = periods(served(date(2026, 9, 1), date(2027, 3, 1)))
    tests = [pre(1, date(2026, 9, 1), 2), post(2, date(2027, 3, 1), 3)]
    assert count_gains(tests, [first, second]) == 0


def test_proxy_hours_are_another_source_of_service():
    service = served(date(2026, 9, 1), minutes=360)
    service.append(Service(date(2026, 9, 20), 360, source="proxy"))
    (only,) = periods(service)
    assert only.hours == Decimal("12.00") and only.is_participant


def test_the_rules_come_from_settings(settings):
    settings.HARBOR_NRS_RULES = {
        "exit_after_days": 120,
        "participant_hours": 6,
        "program_year_start": (10, 1),
    }
    rules = nrs_rules()
    service = served(date(2026, 9, 1), date(2026, 9, 3), date(2026, 9, 8))
    service += served(date(2027, 1, 5), date(2027, 1, 7), date(2027, 1, 12))
    (only,) = periods(service, rules=rules)  # 119 days are no exit under a 120-day rule
    assert only.is_participant
    year = program_year(date(2026, 9, 30), rules)
    assert (year.first_day, year.last_day) == (date(2025, 10, 1), date(2026, 9, 30))
