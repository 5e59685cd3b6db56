"""NRS Tables 1, 2, 3 and 6: participants counted once each, by entering level,
age, race/ethnicity, sex, program type and status at entry. Pure functions of
`people.Person` rows; definitions and NRS sources in docs/records.md."""

from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from classes.intake.services import (
    AGE_BANDS,
    NOT_REPORTED,
    age_band,
    race_ethnicity,
    sex_of,
)
from classes.models.intake import (
    DECLINED,
    Barrier,
    Employment,
    ProgramType,
    Race,
    Schooling,
    WhereSchooled,
)
from packets.levels import NRSLevel

NOT_REPORTED_LABEL = _("Not reported")
GROUPS = (
    (Race.AMERICAN_INDIAN, Race.AMERICAN_INDIAN.label),
    (Race.ASIAN, Race.ASIAN.label),
    (Race.BLACK, Race.BLACK.label),
    ("hispanic", _("Hispanic or Latino")),
    (Race.PACIFIC_ISLANDER, Race.PACIFIC_ISLANDER.label),
    (Race.WHITE, Race.WHITE.label),
    ("more_than_one", _("More than one race")),
    (NOT_REPORTED, NOT_REPORTED_LABEL),
)
SEXES = (("male", _("Male")), ("female", _("Female")), (NOT_REPORTED, NOT_REPORTED_LABEL))
AGES = tuple((label, label) for _lowest, label in AGE_BANDS) + (
    ("under-16", _("Under 16")),
    (NOT_REPORTED, NOT_REPORTED_LABEL),
)


@dataclass(frozen=True)
class Table:
    number: str
    title: str
    columns: tuple  # (key, label), the last one "total"
    rows: tuple  # (key, label, (value per column))
    groups: tuple = ()  # (label, number of columns) above the columns, if any


def tally(people, row_of, column_of, rows, columns):
    """A table of counts: one person in one cell, with a total column and row."""
    counts = Counter((row_of(p), column_of(p)) for p in people)
    body = []
    for row_key, row_label in rows:
        values = [counts[(row_key, column_key)] for column_key, _label in columns]
        body.append((row_key, row_label, (*values, sum(values))))
    totals = [sum(row[2][i] for row in body) for i in range(len(columns) + 1)]
    return (*body, ("total", _("Total"), tuple(totals))), (*columns, ("total", _("Total")))


def group_and_sex(person):
    return f"{race_ethnicity(person.profile)}/{sex_of(person.profile)}"


GROUP_SEX_COLUMNS = tuple(
    (f"{group}/{sex}", sex_label) for group, _group_label in GROUPS for sex, sex_label in SEXES
)
GROUP_HEADERS = (*((label, len(SEXES)) for _group, label in GROUPS), ("", 1))


def entering(person):
    return person.entering_level or NOT_REPORTED


LEVEL_ROWS = tuple((level.value, level.label) for level in NRSLevel) + (
    (NOT_REPORTED, _("No pre-test in the period")),
)


def age_of(person):
    return age_band(person.profile, person.first.period.start)


def table_1(people):
    rows, columns = tally(people, entering, group_and_sex, LEVEL_ROWS, GROUP_SEX_COLUMNS)
    title = _("Participants by entering level, race/ethnicity and sex")
    return Table("1", title, columns, rows, GROUP_HEADERS)


def table_2(people):
    rows, columns = tally(people, age_of, group_and_sex, AGES, GROUP_SEX_COLUMNS)
    title = _("Participants by age, race/ethnicity and sex")
    return Table("2", title, columns, rows, GROUP_HEADERS)


def program_type(person):
    return (person.entry and person.entry.program_type) or NOT_REPORTED


def table_3(people):
    types = (*ProgramType.choices, (NOT_REPORTED, NOT_REPORTED_LABEL))
    rows, columns = tally(people, program_type, age_of, types, AGES)
    return Table("3", _("Participants by program type and age"), columns, rows)


def answer(person, field):
    """A declined answer is counted with the unrecorded ones: not reported."""
    value = person.entry and getattr(person.entry, field)
    return NOT_REPORTED if value in ("", None, DECLINED) else value


def answered(choices):
    return tuple((key, label) for key, label in choices if key != DECLINED)


PARTICIPANTS = (("count", _("Participants")),)
WITH_NOT_REPORTED = ((NOT_REPORTED, NOT_REPORTED_LABEL),)


def count_rows(counts, rows):
    """One count per row (no total: a person may count in several rows)."""
    return tuple((key, label, (counts[key],)) for key, label in rows)


def table_6(people):
    """Status at entry: employment, schooling (in the US or abroad) and
    barriers. A person counts once in employment and schooling, and once in
    each barrier they named."""
    employment = Counter(answer(p, "employment") for p in people)
    schooling, places = tally(
        people,
        lambda p: answer(p, "schooling"),
        lambda p: answer(p, "schooled_in"),
        (*answered(Schooling.choices), *WITH_NOT_REPORTED),
        (*answered(WhereSchooled.choices), *WITH_NOT_REPORTED),
    )
    barriers = Counter(b for p in people if p.entry for b in set(p.entry.barriers))
    employment_rows = (*answered(Employment.choices), *WITH_NOT_REPORTED)
    return (
        Table(
            "6",
            _("Employment status at entry"),
            PARTICIPANTS,
            count_rows(employment, employment_rows),
        ),
        Table("6", _("Highest school level completed"), places, schooling),
        Table(
            "6", _("Barriers to employment"), PARTICIPANTS, count_rows(barriers, Barrier.choices)
        ),
    )
