"""Why a student is (not) counted in a program year's NRS tables, in words a
manager can act on: the reasons, in the order the tables apply them. Pure: the
student's periods in the year (periods.in_program_year) and the test results the
NRS counts (Assessment.objects.counted_for_nrs(): approved tests only)."""

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from classes.records import gains, testing_rules


def reasons(in_year, results, rules, left_out=0):
    """[str]: empty when the student counts in every table a participant can.
    `left_out`: how many of the student's results are not counted (the program's
    own test, a test not approved on its day), said first when there are any."""
    found = why_in_tables(in_year, results, rules)
    if left_out:
        note = ngettext(
            "%(count)s test result does not count for the NRS: the program's own test "
            "or a test not approved on the day it was taken.",
            "%(count)s test results do not count for the NRS: the program's own test "
            "or a test not approved on the day it was taken.",
            left_out,
        ) % {"count": left_out}
        return [note, *found]
    return found


def why_in_tables(in_year, results, rules):
    if not in_year:
        return [_("No service in this program year: not in the tables.")]
    participant = sorted((p for p in in_year if p.is_participant), key=lambda p: p.period.start)
    if not participant:
        most = max(p.hours for p in in_year)
        return [
            _(
                "Under %(hours)s hours in every period of participation (at most "
                "%(most)s): a reportable individual, not a participant."
            )
            % {
                "hours": number_format(rules.participant_hours, 0),
                "most": number_format(most, 1),
            }
        ]
    return test_reasons(participant[0].period, results)


def test_reasons(period, results):
    """What the tests of the first participant period leave out."""
    pretest = gains.entering_pre_test(results, period)
    if pretest is None:
        return [
            _(
                "No pre-test in the period that began on %(start)s: no entering level, "
                "so not in Tables 1 and 4."
            )
            % {"start": date_format(period.start, "DATE_FORMAT")}
        ]
    found = [late_pretest(period, pretest)] if late_pretest(period, pretest) else []
    if not gains.was_post_tested(results, period):
        found.append(_("Not post-tested in the period: no measurable skill gain can be counted."))
    elif not gains.made_gain(results, period):
        found.append(_("Post-tested without reaching a higher level: no gain in this period."))
    return found


def late_pretest(period, pretest):
    """The entering pretest taken after the state's window of the period, or None."""
    hours = testing_rules.hours_before_in_period([period], pretest.taken_on)
    return testing_rules.window_warning(hours, testing_rules.testing_rules())
