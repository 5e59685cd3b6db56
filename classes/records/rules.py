"""The NRS rules that periods of participation follow, as configuration: the
defaults are the federal ones (settings.HARBOR_NRS_RULES), a state may set others.
Definitions and sources: docs/records.md, "Periods of participation"."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings


@dataclass(frozen=True)
class NrsRules:
    exit_after_days: int = 90
    participant_hours: Decimal = Decimal(12)
    program_year_start: tuple[int, int] = (7, 1)  # (month, day)
    # A distance learner's distance hours are more than this share of their hours.
    distance_share: Decimal = Decimal("0.5")
    # Distance hours are proxy hours; a state that counts live (synchronous)
    # online instruction as distance education adds live virtual hours.
    distance_includes_live_virtual: bool = False


@dataclass(frozen=True)
class ProgramYear:
    """A program year, named like the NRS names it: by the calendar year it starts in."""

    first_day: date
    last_day: date

    @property
    def name(self):
        return f"{self.first_day.year}–{self.last_day.year % 100:02d}"


def nrs_rules() -> NrsRules:
    configured = getattr(settings, "HARBOR_NRS_RULES", {})
    rules = NrsRules(**configured)
    return NrsRules(
        int(rules.exit_after_days),
        Decimal(rules.participant_hours),
        tuple(rules.program_year_start),
        Decimal(rules.distance_share),
        bool(rules.distance_includes_live_virtual),
    )


def program_year(day: date, rules: NrsRules) -> ProgramYear:
    """The program year that `day` falls in (July 1 to June 30 by default)."""
    month, first = rules.program_year_start
    start = date(day.year, month, first)
    if day < start:
        start = date(day.year - 1, month, first)
    following = date(start.year + 1, month, first)
    return ProgramYear(start, date.fromordinal(following.toordinal() - 1))
