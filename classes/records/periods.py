"""Periods of participation (PoP), as the NRS counts them, from dated service.

Pure functions: no queries. `classes/records/period_data.py` loads what they
read. The rules (docs/records.md, "Periods of participation"):

- A period starts on a student's first day of service after being out of the
  program (their first ever, or the first after an exit).
- The student exits on the date of their last service once more than
  `exit_after_days` days pass with no service and none scheduled. A gap longer
  than that does not end the period when it is a planned break: a class the
  student stayed enrolled in across the whole gap held no session during it and
  meets again at its end or later (the student missed nothing, the class paused).
- A participant has at least `participant_hours` contact hours within one period;
  with fewer, a "reportable individual".
- At most one measurable skill gain per period (`gains_by_period`).

Service is a list of dated minutes from sources: attended sessions and proxy
hours for distance learning (`Service.source`, classes/records/proxy.py). A
**distance learner** in a period is one whose proxy hours are more than
`distance_share` of its hours (the majority, by default).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property

from classes.attendance import as_hours
from classes.records import gains
from classes.records.rules import NrsRules, ProgramYear

ATTENDANCE, PROXY = "attendance", "proxy"
# Not a source of its own: the attended minutes of online classes (`Service.remote`),
# counted apart as well so a state's rule can make them distance hours.
LIVE_VIRTUAL = "live_virtual"


@dataclass(frozen=True)
class Service:
    """Minutes of service on a local date, from a source (ATTENDANCE or PROXY)."""

    day: date
    minutes: int
    source: str = ATTENDANCE
    item: object = None  # a proxy hour's ProxyItem: what earned it
    remote: bool = False  # attended in an online class (live virtual)


@dataclass(frozen=True)
class Span:
    """A student's enrollment in a class: from `first_day`, to `last_day` (None: still on)."""

    cohort_id: int
    first_day: date
    last_day: date | None = None

    def covers(self, first, last):
        return self.first_day <= first and (self.last_day is None or self.last_day >= last)


@dataclass(frozen=True)
class PeriodOfParticipation:
    start: date
    last_service: date
    exit_date: date | None  # None while the student has not exited
    services: tuple
    participant_hours: Decimal

    @property
    def end(self):
        return self.exit_date

    @property
    def hours(self):
        return as_hours(sum(s.minutes for s in self.services))

    @property
    def is_participant(self):
        return self.hours >= self.participant_hours

    @property
    def proxy_hours(self):
        return as_hours(sum(s.minutes for s in self.services if s.source == PROXY))

    @property
    def clock_time(self):
        """The period's clock-time items (classes/records/proxy.py), oldest first:
        which packet, which day, how many minutes."""
        items = (s.item for s in self.services if s.item is not None)
        return [item for item in items if item.model == "clock_time"]

    @property
    def contact_hours(self):
        """Hours in sessions (in person or live online), beside the proxy hours."""
        return as_hours(sum(s.minutes for s in self.services if s.source != PROXY))

    def is_distance_learner(self, rules):
        """Distance hours are more than the rules' share of the period's hours (NRS Table 4C)."""
        total = sum(s.minutes for s in self.services)
        distance = sum(s.minutes for s in self.services if is_distance(s, rules))
        return total > 0 and distance > total * rules.distance_share

    # The period as gains.py reads one: tests from its start to its exit.
    @property
    def first_day(self):
        return self.start

    @property
    def last_day(self):
        return self.exit_date or date.max

    def hours_between(self, first, last):
        return as_hours(sum(s.minutes for s in self.services if first <= s.day <= last))


def is_distance(service, rules):
    """Proxy hours are distance hours; live virtual ones too if the state says so."""
    return service.source == PROXY or (rules.distance_includes_live_virtual and service.remote)


def is_planned_break(last_service, resumes, spans, sessions):
    """Whether the gap from `last_service` to `resumes` (the next service, or
    today) is a class break: a class the student was enrolled in from one end to
    the other held no session strictly inside the gap and meets on `resumes` or later.
    `sessions`: {class id: sorted local dates of its sessions that are not cancelled}."""
    for span in spans:
        if not span.covers(last_service, resumes):
            continue
        days = sessions.get(span.cohort_id, ())
        inside = any(last_service < day < resumes for day in days)
        if not inside and any(day >= resumes for day in days):
            return True
    return False


def ends_period(last_service, resumes, spans, sessions, rules):
    if (resumes - last_service).days <= rules.exit_after_days:
        return False
    return not is_planned_break(last_service, resumes, spans, sessions)


def periods_of_participation(service, spans, sessions, today, rules: NrsRules):
    """The student's periods of participation, oldest first.

    `service`: [Service]; `spans`: [Span], their enrollments; `sessions`: {class
    id: [local date]} of the sessions (held or to come, not cancelled) of those
    classes; `today`: the local date the open period is judged on."""
    days = sorted((s for s in service if s.minutes > 0), key=lambda s: s.day)
    sessions = {cohort_id: sorted(dates) for cohort_id, dates in sessions.items()}
    groups = []
    for item in days:
        if groups and not ends_period(groups[-1][-1].day, item.day, spans, sessions, rules):
            groups[-1].append(item)
        else:
            groups.append([item])
    periods = []
    for index, group in enumerate(groups):
        last = group[-1].day
        exited = index < len(groups) - 1 or ends_period(last, today, spans, sessions, rules)
        periods.append(
            PeriodOfParticipation(
                group[0].day, last, last if exited else None, tuple(group), rules.participant_hours
            )
        )
    return periods


@dataclass(frozen=True)
class PeriodInYear:
    """How one program year counts a period (a period across July 1 is in both years).

    `hours`: the period's hours up to the year's last day, and `is_participant`
    from them: participation is a matter of the period, not of the year, so hours
    from before July 1 count; a period still short of the hours on June 30 is a
    reportable individual in that year. `hours_in_year`: only the year's own hours
    (the attendance hours a year's tables add up)."""

    period: PeriodOfParticipation
    hours: Decimal
    hours_in_year: Decimal
    is_participant: bool
    carried_in: bool  # started in an earlier program year
    exited_in_year: bool
    year: ProgramYear | None = None

    def minutes_in_year(self, source):
        """The period's minutes from `source` (ATTENDANCE, PROXY, or LIVE_VIRTUAL:
        the attended minutes of online classes) within the year."""
        return self._minutes_in_year.get(source, 0)

    @cached_property
    def _minutes_in_year(self):
        """{source: minutes} within the year, in one pass: Tables 4, 4B and 4C
        each ask for both sources of every period."""
        first, last = self.year.first_day, self.year.last_day
        by_source = {}
        for service in self.period.services:
            if first <= service.day <= last:
                by_source[service.source] = by_source.get(service.source, 0) + service.minutes
                if service.remote:
                    by_source[LIVE_VIRTUAL] = by_source.get(LIVE_VIRTUAL, 0) + service.minutes
        return by_source


def in_program_year(periods, year: ProgramYear):
    """The periods with service in `year` or open across it, as that year counts them."""
    counted = []
    for period in periods:
        if period.start > year.last_day:
            continue
        if period.exit_date is not None and period.exit_date < year.first_day:
            continue
        hours = period.hours_between(date.min, year.last_day)
        counted.append(
            PeriodInYear(
                period,
                hours,
                period.hours_between(year.first_day, year.last_day),
                hours >= period.participant_hours,
                period.start < year.first_day,
                period.exit_date is not None and period.exit_date <= year.last_day,
                year,
            )
        )
    return counted


def gains_by_period(assessments, periods):
    """[(period, made a gain)]: at most one measurable skill gain per period,
    by the rule of gains.py (a post-test above the period's first pre-test)."""
    return [(period, gains.made_gain(assessments, period)) for period in periods]


def count_gains(assessments, periods):
    return sum(1 for _period, gain in gains_by_period(assessments, periods) if gain)
