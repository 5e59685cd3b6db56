"""A program year's NRS tables, all at once: what the live page shows and what a
snapshot freezes."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from classes.records.nrs.demographics import table_1, table_2, table_3, table_6
from classes.records.nrs.outcomes import table_4, table_4b, table_4c
from classes.records.nrs.people import year_people
from learning.roles import Role


@dataclass(frozen=True)
class YearFigures:
    participants: int
    reportable: int
    tables: tuple  # Tables 1–3
    outcome_tables: tuple  # Tables 4, 4B, 4C
    status_tables: tuple  # Table 6's parts

    @property
    def all_tables(self):
        return (*self.tables, *self.outcome_tables, *self.status_tables)


def year_figures(year, today, rules) -> YearFigures:
    return figures_of(program_people(year, today, rules), rules)


def program_people(year, today, rules):
    """Every student of the program, as the year's tables read them."""
    students = get_user_model().objects.filter(groups__name=Role.STUDENT).values("pk")
    return year_people(year, students, today=today, rules=rules)


def figures_of(people, rules) -> YearFigures:
    counted = people.participants
    return YearFigures(
        len(counted),
        len(people.reportable_individuals),
        (table_1(counted), table_2(counted), table_3(counted)),
        (table_4(counted), table_4b(counted), table_4c(counted, rules)),
        tuple(table_6(counted)),
    )
