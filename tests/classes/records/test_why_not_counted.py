"""The student's record says why they are not counted in the year's tables."""

from datetime import date, timedelta
from decimal import Decimal

from classes.records.gains import Result
from classes.records.nrs.why import reasons
from classes.records.periods import PeriodOfParticipation, Service, in_program_year
from classes.records.rules import NrsRules, ProgramYear

YEAR = ProgramYear(date(2026, 7, 1), date(2027, 6, 30))
RULES = NrsRules()


def periods(*groups):
    """Each group: (first day, number of weekly 2-hour sessions)."""
    found = []
    for first, count in groups:
        services = tuple(Service(first + timedelta(days=7 * n), 120) for n in range(count))
        last = services[-1].day
        found.append(PeriodOfParticipation(first, last, last, services, Decimal(12)))
    return in_program_year(found, YEAR)


def pre(day, level=2):
    return Result(1, day, "pre", level)


def post(day, level):
    return Result(2, day, "post", level)


def test_six_hours_a_gap_and_six_more_is_a_reportable_individual():
    found = reasons(periods((date(2026, 9, 7), 3), (date(2027, 1, 11), 3)), [], RULES)
    assert found == [
        "Under 12 hours in every period of participation (at most 6.0): "
        "a reportable individual, not a participant."
    ]


def test_no_service_in_the_year():
    assert reasons([], [], RULES) == ["No service in this program year: not in the tables."]


def test_a_participant_without_a_pre_test_has_no_entering_level():
    (found,) = reasons(periods((date(2026, 9, 7), 6)), [], RULES)
    assert found.startswith("No pre-test in the period that began on Sept. 7, 2026")


def test_a_participant_not_post_tested_or_without_a_higher_level():
    six = periods((date(2026, 9, 7), 6))
    assert reasons(six, [pre(date(2026, 9, 7))], RULES) == [
        "Not post-tested in the period: no measurable skill gain can be counted."
    ]
    same = [pre(date(2026, 9, 7)), post(date(2026, 10, 12), 2)]
    assert reasons(six, same, RULES) == [
        "Post-tested without reaching a higher level: no gain in this period."
    ]
    assert reasons(six, [pre(date(2026, 9, 7)), post(date(2026, 10, 12), 3)], RULES) == []


def test_the_student_s_record_says_why_they_are_not_counted(login, manager, classroom):
    from classes.attendance import Mark, take_attendance

    cohort, teacher, amina, _ahmad = classroom
    take_attendance(
        cohort.sessions.order_by("starts_at")[0], {amina.pk: Mark("present", 120)}, by=teacher
    )
    page = login(manager).get(f"/records/students/{amina.pk}/").content.decode()
    assert "In the NRS tables of 2026–27" in page
    assert "Under 12 hours in every period of participation (at most 2.0)" in page
