"""Why a student is (not) counted in a program year's NRS tables, in words a
manager can act on: the reasons, in the order the tables apply them. Pure: the
student's periods in the year (periods.in_program_year) and test results."""

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from classes.records import gains


def reasons(in_year, results, rules):
    """[str]: empty when the student counts in every table a participant can."""
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
    if gains.entering_pre_test(results, period) is None:
        return [
            _(
                "No pre-test in the period that began on %(start)s: no entering level, "
                "so not in Tables 1 and 4."
            )
            % {"start": date_format(period.start, "DATE_FORMAT")}
        ]
    if not gains.was_post_tested(results, period):
        return [_("Not post-tested in the period: no measurable skill gain can be counted.")]
    if not gains.made_gain(results, period):
        return [_("Post-tested without reaching a higher level: no gain in this period.")]
    return []
