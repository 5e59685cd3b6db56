"""The NRS rules for standardized tests, as pure functions over the test catalog
(classes/models/test_catalog.py, read through classes/records/catalog.py), a
student's earlier results and their hours. Sources and the list of what refuses
and what only does not count: docs/records.md, "The test catalog".

Two kinds of answer:
- **errors** ({field: message}) refuse the result: it cannot be right (a form
  of another test, a score outside the test's table) or the NRS would never
  accept it as a post-test (too few hours since the pretest, the pretest's
  own form). `record_assessment` saves nothing.
- **warnings** ([message]) save the result but say why it does not count, or
  may not: the test not approved on that day, no pretest to pair with, a
  pretest after the state's window.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from classes.models import AssessmentPhase


@dataclass(frozen=True)
class TestRules:
    __test__ = False  # not a pytest class

    lookback_days: int = 365
    pretest_window_hours: Decimal = Decimal(12)


def testing_rules() -> TestRules:
    rules = TestRules(**getattr(settings, "HARBOR_TEST_RULES", {}))
    return TestRules(int(rules.lookback_days), Decimal(rules.pretest_window_hours))


@dataclass(frozen=True)
class Instrument:
    """A catalog test as the rules read it."""

    code: str
    name: str
    approved_from: date
    approved_until: date | None
    active: bool
    min_hours: int
    forms: dict  # {form code: adaptive}
    bands: tuple  # ((nrs level, low, high), …)
    form_notes: dict = field(default_factory=dict)  # {form code: the levels it suits}

    def is_approved_on(self, day):
        if not self.active or day < self.approved_from:
            return False
        return self.approved_until is None or day <= self.approved_until

    def level_for(self, score):
        """The NRS level the score table places `score` at, or None off the table."""
        for level, low, high in self.bands:
            if low <= score <= high:
                return level
        return None

    @property
    def score_range(self):
        return min(low for _l, low, _h in self.bands), max(high for _l, _lo, high in self.bands)


def catalog_errors(instrument, form, scale_score):
    """{field: message} for a result the catalog says cannot be right."""
    errors = {}
    if not form:
        errors["form"] = _("Enter the test form printed on the test (for example %(form)s).") % {
            "form": next(iter(instrument.forms), "27R")
        }
    elif form not in instrument.forms:
        errors["form"] = _("%(form)s is not a form of %(test)s. Its forms: %(forms)s.") % {
            "form": form,
            "test": instrument.name,
            "forms": ", ".join(instrument.forms),
        }
    if not instrument.bands:
        errors["scale_score"] = _(
            "The catalog has no score table for %(test)s yet: a manager enters its levels' "
            "scores from the publisher's table (Tests menu) before results can be recorded."
        ) % {"test": instrument.name}
    elif instrument.level_for(scale_score) is None:
        low, high = instrument.score_range
        errors["scale_score"] = _(
            "%(score)s is not on the score table of %(test)s (%(low)s to %(high)s)."
        ) % {"score": scale_score, "test": instrument.name, "low": low, "high": high}
    return errors


def pairing_pretest(earlier, test, taken_on, rules: TestRules):
    """The pretest a post-test on `taken_on` pairs with: the latest pretest of the
    same test on or before that day, within the lookback; None without one.
    `earlier`: the student's results (objects with test, phase, taken_on, pk)."""
    first_day = taken_on - timedelta(days=rules.lookback_days)
    pretests = [
        a
        for a in earlier
        if a.test == test and a.phase == AssessmentPhase.PRE and first_day <= a.taken_on <= taken_on
    ]
    return max(pretests, key=lambda a: (a.taken_on, a.pk), default=None)


def post_test_errors(instrument, form, pretest, hours_since):
    """{field: message}: a post-test the NRS would not accept against `pretest`."""
    errors = {}
    if hours_since < instrument.min_hours:
        errors["taken_on"] = _(
            "Too early for a post-test: %(hours)s hours of instruction since the pretest "
            "on %(day)s, and %(test)s needs at least %(minimum)s."
        ) % {
            "hours": number_format(hours_since, 1),
            "day": date_format(pretest.taken_on, "DATE_FORMAT"),
            "test": instrument.name,
            "minimum": instrument.min_hours,
        }
    if form and form == pretest.form and not instrument.forms.get(form, False):
        errors["form"] = _(
            "The pretest was on form %(form)s: a post-test must use an alternate form."
        ) % {"form": form}
    return errors


def alternate_forms(instrument, pretest_form):
    """The forms a post-test may use after a pretest on `pretest_form`: those
    suiting the same levels first (the shorter codes, a series' first forms, before
    the longer), then the others; an adaptive form again."""
    others = [
        code for code, adaptive in instrument.forms.items() if code != pretest_form or adaptive
    ]
    notes = instrument.form_notes.get(pretest_form)
    return sorted(
        others, key=lambda code: (instrument.form_notes.get(code) != notes, len(code), code)
    )


def approval_warning(instrument, taken_on):
    if instrument.is_approved_on(taken_on):
        return None
    return _(
        "%(test)s was not approved for the NRS on %(day)s: the result is saved but does not count."
    ) % {"test": instrument.name, "day": date_format(taken_on, "DATE_FORMAT")}


def no_pretest_warning(rules: TestRules):
    return _(
        "No pretest on this test in the %(days)s days before: the post-test is saved but "
        "cannot show a gain. Give a pretest first."
    ) % {"days": rules.lookback_days}


def window_warning(hours_before, rules: TestRules):
    """A pretest taken after the state's window of the period, or None."""
    if hours_before <= rules.pretest_window_hours:
        return None
    return _(
        "Taken after %(hours)s hours of this period of participation: the state may not "
        "accept a pretest after the first %(window)s hours."
    ) % {
        "hours": number_format(hours_before, 1),
        "window": number_format(rules.pretest_window_hours, 0),
    }


def hours_between_tests(periods, pretest_day, post_day):
    """Hours of instruction (contact and proxy) on the days strictly between the
    pretest and the post-test: the test days themselves are testing, not teaching."""
    first, last = pretest_day + timedelta(days=1), post_day - timedelta(days=1)
    if last < first:
        return Decimal(0)
    return sum((p.hours_between(first, last) for p in periods), Decimal(0))


def hours_before_in_period(periods, day):
    """Hours of the period `day` falls in, before `day` (0 before any period)."""
    for period in periods:
        if period.first_day <= day <= period.last_day:
            return period.hours_between(period.first_day, day - timedelta(days=1))
    return Decimal(0)
