"""NRS Tables 4, 4B and 4C: measurable skill gains by entering level, for
participants and for their periods of participation. Pure functions of
`people.Person` rows; definitions in docs/records.md, "NRS tables".

- A participant is in the row of the entering level of their first participant
  period in the year; each of their participant periods in the year is in the
  row of its own entering level (its first pre-test).
- A period made a gain by gains.made_gain (at most one per period); a
  participant "with a gain" made one in any of their periods in the year; one
  without has separated if their last period in the year exited in it, else
  remains.
- Hours: each participant's hours within the year, in class and proxy.
- 4B: only the participants post-tested in the year, and their post-tested periods.
- 4C: only distance learners: proxy hours above the distance share of their
  hours in the year."""

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from classes.attendance import as_hours
from classes.intake.services import NOT_REPORTED
from classes.records import gains
from classes.records.nrs.demographics import LEVEL_ROWS, Table
from classes.records.periods import ATTENDANCE, LIVE_VIRTUAL, PROXY

COLUMNS = (
    ("participants", _("Participants")),
    ("class_hours", _("Hours in class")),
    ("proxy_hours", _("Proxy hours")),
    ("participants_with_gain", _("Participants with a gain")),
    ("participants_separated", _("Separated without a gain")),
    ("participants_remaining", _("Remaining without a gain")),
    ("percent_participants_with_gain", _("Percent of participants with a gain")),
    ("periods", _("Periods of participation")),
    ("periods_with_gain", _("Periods with a gain")),
    ("percent_periods_with_gain", _("Percent of periods with a gain")),
)


def participant_periods(person):
    return [p for p in person.periods if p.is_participant]


def minutes(person, source):
    return sum(p.minutes_in_year(source) for p in person.periods)


def is_distance_learner(person, rules):
    """Distance hours above the rules' share of the person's hours in the year
    (NRS Table 4C): proxy hours, and live virtual ones if the state counts them."""
    proxy = minutes(person, PROXY)
    total = proxy + minutes(person, ATTENDANCE)
    distance = proxy + (
        minutes(person, LIVE_VIRTUAL) if rules.distance_includes_live_virtual else 0
    )
    return total > 0 and distance > total * rules.distance_share


def level_of(results, period):
    return gains.entering_level(results, period) or NOT_REPORTED


def percent(part, whole):
    if not whole:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def outcome_table(number, title, people, period_filter=lambda person, p: True):
    sums = defaultdict(lambda: defaultdict(int))
    for person in people:
        row = sums[level_of(person.results, person.first.period)]
        row["participants"] += 1
        row["class_minutes"] += minutes(person, ATTENDANCE)
        row["proxy_minutes"] += minutes(person, PROXY)
        periods = [p for p in participant_periods(person) if period_filter(person, p)]
        made = [gains.made_gain(person.results, p.period) for p in periods]
        row["participants_with_gain"] += any(made)
        if not any(made):
            row[without_gain(person)] += 1
        for in_year, gain in zip(periods, made, strict=True):
            own = sums[level_of(person.results, in_year.period)]
            own["periods"] += 1
            own["periods_with_gain"] += gain
    rows = [(key, label, values(sums[key])) for key, label in LEVEL_ROWS]
    total = defaultdict(int)
    for key, _label in LEVEL_ROWS:
        for name, value in sums[key].items():
            total[name] += value
    rows.append(("total", _("Total"), values(total)))
    return Table(number, title, COLUMNS, tuple(rows))


def without_gain(person):
    """A participant without a gain has separated when their last period in the
    year exited in it (NRS Table 4, column H); else they remain (column I)."""
    last = max(person.periods, key=lambda in_year: in_year.period.start)
    return "participants_separated" if last.exited_in_year else "participants_remaining"


def values(sums):
    return (
        sums["participants"],
        as_hours(sums["class_minutes"]),
        as_hours(sums["proxy_minutes"]),
        sums["participants_with_gain"],
        sums["participants_separated"],
        sums["participants_remaining"],
        percent(sums["participants_with_gain"], sums["participants"]),
        sums["periods"],
        sums["periods_with_gain"],
        percent(sums["periods_with_gain"], sums["periods"]),
    )


def post_tested(person, in_year):
    return gains.was_post_tested(person.results, in_year.period)


def table_4(people):
    return outcome_table("4", _("Measurable skill gains by entering level"), people)


def table_4b(people):
    tested = [
        person
        for person in people
        if any(post_tested(person, p) for p in participant_periods(person))
    ]
    title = _("Measurable skill gains of pre- and post-tested participants")
    return outcome_table("4B", title, tested, post_tested)


def table_4c(people, rules):
    distance = [person for person in people if is_distance_learner(person, rules)]
    return outcome_table("4C", _("Measurable skill gains of distance learners"), distance)
