"""Who a program year's tables count, and what they read about each person.

A **participant** of the year has a period of participation in the year that
reached the participant hours (periods.in_program_year); the others with service
in the year are **reportable individuals**. Tables 1–3 and 6 count each
participant once, described by their first participant period in the year: its
entering level (the first pre-test in it, of a test approved on its day: the
program's own test never counts), their age on its first day and the status at
entry that belongs to it (intake.services.entry_for_period)."""

from collections import defaultdict
from dataclasses import dataclass

from classes.intake.services import entry_for_period
from classes.models import Assessment, IntakeEntry, IntakeProfile
from classes.records import gains
from classes.records.period_data import periods_by_student
from classes.records.periods import in_program_year
from classes.records.rules import nrs_rules


@dataclass(frozen=True)
class Person:
    """One participant as the demographic tables read them."""

    student_id: int
    periods: tuple  # PeriodInYear, every one of the year
    first: object  # the first participant PeriodInYear
    entering_level: int | None
    profile: object  # IntakeProfile or None
    entry: object  # IntakeEntry or None
    results: tuple = ()  # the student's test results (gains.Result)


@dataclass(frozen=True)
class YearPeople:
    participants: list
    reportable_individuals: list  # student ids with service in the year, under the hours


def year_people(year, student_ids, classes=None, today=None, rules=None) -> YearPeople:
    """The year's participants among these students (ids or a subquery). Nine queries."""
    rules = rules or nrs_rules()
    in_year = {
        student_id: in_program_year(periods, year)
        for student_id, periods in periods_by_student(student_ids, classes, today, rules).items()
    }
    in_year = {student_id: periods for student_id, periods in in_year.items() if periods}
    counted = [s for s, periods in in_year.items() if any(p.is_participant for p in periods)]
    results, profiles, entries = intake_and_tests(counted)
    people = []
    for student_id in sorted(counted):
        periods = tuple(in_year[student_id])
        first = next(p for p in periods if p.is_participant)
        people.append(
            Person(
                student_id,
                periods,
                first,
                gains.entering_level(results[student_id], first.period),
                profiles.get(student_id),
                entry_for_period(entries[student_id], first.period),
                tuple(results[student_id]),
            )
        )
    individuals = sorted(set(in_year) - set(counted))
    return YearPeople(people, individuals)


def intake_and_tests(student_ids):
    results = defaultdict(list)
    rows = (
        Assessment.objects.filter(student_id__in=student_ids)
        .counted_for_nrs()
        .values_list("student_id", "pk", "taken_on", "phase", "nrs_level")
    )
    for student_id, *fields in rows.order_by():
        results[student_id].append(gains.Result(*fields))
    profiles = {p.student_id: p for p in IntakeProfile.objects.filter(student_id__in=student_ids)}
    entries = defaultdict(list)
    for entry in IntakeEntry.objects.filter(student_id__in=student_ids).order_by():
        entries[entry.student_id].append(entry)
    return results, profiles, entries
