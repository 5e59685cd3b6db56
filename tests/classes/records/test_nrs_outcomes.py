"""NRS Tables 4, 4B and 4C from hand-computed periods: participants by their
first period's entering level, each period by its own, one gain per period,
distance learners by the majority of their hours."""

from datetime import date, timedelta
from decimal import Decimal

from classes.records.gains import Result
from classes.records.nrs.outcomes import table_4, table_4b, table_4c
from classes.records.nrs.people import Person
from classes.records.periods import PROXY, PeriodOfParticipation, Service, in_program_year
from classes.records.rules import NrsRules, ProgramYear

YEAR = ProgramYear(date(2026, 7, 1), date(2027, 6, 30))


def days(first, count, minutes=120, source="attendance", remote=False):
    return [
        Service(first + timedelta(days=7 * n), minutes, source, remote=remote) for n in range(count)
    ]


def period(services, exited=True):
    services = sorted(services, key=lambda s: s.day)
    last = services[-1].day
    return PeriodOfParticipation(
        services[0].day, last, last if exited else None, tuple(services), Decimal(12)
    )


def result(pk, day, phase, level):
    return Result(pk, day, phase, level)


def person(student_id, periods, results):
    in_year = tuple(in_program_year(periods, YEAR))
    first = next(p for p in in_year if p.is_participant)
    return Person(student_id, in_year, first, None, None, None, tuple(results))


AMINA = person(  # 14 hours in class, level 2 → 3: a gain
    1,
    [period(days(date(2026, 9, 7), 7), exited=False)],
    [result(1, date(2026, 9, 7), "pre", 2), result(2, date(2026, 11, 2), "post", 3)],
)
AHMAD = person(  # 12 hours in autumn (level 2, no post-test), exit, 13 in spring (3 → 4)
    2,
    [
        period(days(date(2026, 9, 8), 6)),
        period(
            days(date(2027, 2, 1), 1, 180) + days(date(2027, 2, 2), 10, 60, PROXY),
            exited=False,
        ),
    ],
    [
        result(3, date(2026, 9, 8), "pre", 2),
        result(4, date(2027, 2, 1), "pre", 3),
        result(5, date(2027, 4, 1), "post", 4),
    ],
)
GUL = person(  # 2 hours in class, 12 proxy hours: a distance learner, no post-test
    3,
    [period(days(date(2026, 9, 9), 1) + days(date(2026, 9, 10), 12, 60, PROXY), exited=False)],
    [result(6, date(2026, 9, 9), "pre", 2)],
)
PEOPLE = [AMINA, AHMAD, GUL]


def row(table, key):
    columns = [name for name, _label in table.columns]
    values = next(values for k, _label, values in table.rows if k == key)
    return dict(zip(columns, values, strict=True))


def test_table_4_counts_participants_by_first_level_and_periods_by_their_own():
    table = table_4(PEOPLE)
    assert row(table, 2) == {
        "participants": 3,
        "class_hours": Decimal("31.0"),  # 14 + 12 + 3 + 2
        "proxy_hours": Decimal("22.0"),  # 10 + 12
        "participants_with_gain": 2,  # Amina, and Ahmad in his second period
        "participants_separated": 0,
        "participants_remaining": 1,  # Gul: no gain, not exited
        "percent_participants_with_gain": Decimal("66.7"),
        "periods": 3,  # Amina's, Ahmad's first, Gul's
        "periods_with_gain": 1,
        "percent_periods_with_gain": Decimal("33.3"),
    }
    assert (row(table, 3)["participants"], row(table, 3)["periods"]) == (0, 1)
    assert row(table, 3)["periods_with_gain"] == 1
    total = row(table, "total")
    assert (total["participants"], total["periods"], total["periods_with_gain"]) == (3, 4, 2)
    assert total["percent_periods_with_gain"] == Decimal("50.0")


def test_table_4b_counts_only_post_tested_participants_and_periods():
    table = table_4b(PEOPLE)
    assert (row(table, 2)["participants"], row(table, 2)["periods"]) == (2, 1)
    assert (row(table, 3)["periods"], row(table, 3)["periods_with_gain"]) == (1, 1)
    assert row(table, "total")["participants_with_gain"] == 2


def test_table_4c_counts_distance_learners_by_the_majority_of_their_hours():
    table = table_4c(PEOPLE, NrsRules())
    assert row(table, "total")["participants"] == 1  # Gul: 12 of 14; Ahmad: 10 of 25
    assert (row(table, 2)["class_hours"], row(table, 2)["proxy_hours"]) == (
        Decimal("2.0"),
        Decimal("12.0"),
    )
    assert row(table, 2)["percent_periods_with_gain"] == Decimal("0.0")


def test_a_participant_without_a_gain_who_exited_has_separated():
    emre = person(  # 12 hours at level 1, exited, never post-tested
        4,
        [period(days(date(2026, 9, 8), 6))],
        [result(7, date(2026, 9, 8), "pre", 1)],
    )
    table = table_4([*PEOPLE, emre])
    assert (row(table, 1)["participants_separated"], row(table, 1)["participants_remaining"]) == (
        1,
        0,
    )
    assert row(table, 1)["percent_participants_with_gain"] == Decimal("0.0")
    total = row(table, "total")
    assert (total["participants_separated"], total["participants_remaining"]) == (1, 1)


def test_a_state_may_count_live_virtual_hours_as_distance_hours():
    """Farah: 12 hours in an online class (live virtual) and 2 proxy hours. By
    the default rule (proxy hours only) 2 of 14 hours are distance hours: not a
    distance learner. A state counting synchronous online instruction as
    distance education makes it 14 of 14: Table 4C counts her."""
    farah = person(
        5,
        [period(days(date(2026, 9, 8), 6, remote=True) + days(date(2026, 9, 9), 1, source=PROXY))],
        [result(9, date(2026, 9, 8), "pre", 2)],
    )
    assert row(table_4c([farah], NrsRules()), "total")["participants"] == 0
    live_virtual = NrsRules(distance_includes_live_virtual=True)
    table = table_4c([farah], live_virtual)
    assert row(table, "total")["participants"] == 1
    assert (row(table, 2)["class_hours"], row(table, 2)["proxy_hours"]) == (
        Decimal("12.0"),
        Decimal("2.0"),
    )
    assert farah.first.period.is_distance_learner(live_virtual)
    assert not farah.first.period.is_distance_learner(NrsRules())
