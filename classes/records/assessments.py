"""Recording a standardized test result for a student: the one write path.

The field checks are here; the NRS rules of the test catalog (which form, which
level, how many hours since the pretest) are in classes/records/testing_rules.py.
A result they refuse is not saved; one they only warn about is saved, with the
warnings on `assessment.warnings` for the page to show (docs/records.md, "The
test catalog")."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from classes.models import Assessment, AssessmentPhase, AssessmentTest, TestMode
from classes.records import testing_rules as rules_of
from classes.records.catalog import instrument as catalog_instrument
from classes.records.period_data import periods_of_student
from learning.models import User
from packets.levels import NRSLevel

# Scale scores of the tests programs use (CASAS, BEST Plus, BEST Literacy, TABE
# CLAS-E) all fall in this range; anything outside it is a typing slip.
MIN_SCALE_SCORE, MAX_SCALE_SCORE = 0, 999
# Nothing older than this is "a result for this program": a year typed wrong.
EARLIEST_TEST_DATE = date(2000, 1, 1)


def check_result(
    *, test, taken_on, scale_score, phase, nrs_level=None, mode=TestMode.IN_PERSON, proctor="",
    today=None,
):  # fmt: skip
    """Every problem with the fields of a result, by field, in one ValidationError.
    The NRS level is typed only for the program's own test."""
    today = today or timezone.localdate()
    errors = {}
    if test not in AssessmentTest.values:
        errors["test"] = _("Choose a test from the list.")
    if phase not in AssessmentPhase.values:
        errors["phase"] = _("Choose pre-test or post-test.")
    if nrs_level is not None and nrs_level not in NRSLevel.values:
        errors["nrs_level"] = _("The NRS level is a number from 1 to 6.")
    elif nrs_level is None and test == AssessmentTest.PROGRAM:
        errors["nrs_level"] = _("Enter the NRS level the program's own test places them at.")
    if not MIN_SCALE_SCORE <= scale_score <= MAX_SCALE_SCORE:
        errors["scale_score"] = _("A scale score is a number from %(low)s to %(high)s.") % {
            "low": MIN_SCALE_SCORE,
            "high": MAX_SCALE_SCORE,
        }
    if taken_on > today:
        errors["taken_on"] = _("The test date cannot be in the future.")
    elif taken_on < EARLIEST_TEST_DATE:
        errors["taken_on"] = _("Check the year of the test date.")
    if mode not in TestMode.values:
        errors["mode"] = _("Choose in person or remote.")
    elif mode == TestMode.REMOTE and not proctor.strip():
        errors["proctor"] = _("Name the proctor of a remote test.")
    if errors:
        raise ValidationError(errors)


def catalog_verdict(student, test, form, taken_on, scale_score, phase, rules):
    """(NRS level, warnings) by the catalog's rules; a ValidationError when they refuse."""
    instrument = catalog_instrument(test)
    if instrument is None:
        raise ValidationError({"test": _("This test is not in the catalog of approved tests.")})
    errors = rules_of.catalog_errors(instrument, form, scale_score)
    if errors:
        raise ValidationError(errors)
    warnings = [rules_of.approval_warning(instrument, taken_on)]
    periods = periods_of_student(student)
    if phase == AssessmentPhase.PRE:
        hours = rules_of.hours_before_in_period(periods, taken_on)
        warnings.append(rules_of.window_warning(hours, rules))
    else:
        earlier = Assessment.objects.of_student(student).only("test", "phase", "taken_on", "form")
        pretest = rules_of.pairing_pretest(earlier, test, taken_on, rules)
        if pretest is None:
            warnings.append(rules_of.no_pretest_warning(rules))
        else:
            hours = rules_of.hours_between_tests(periods, pretest.taken_on, taken_on)
            errors = rules_of.post_test_errors(instrument, form, pretest, hours)
            if errors:
                raise ValidationError(errors)
    return instrument.level_for(scale_score), [w for w in warnings if w]


@transaction.atomic
def record_assessment(
    student: User,
    *,
    by: User,
    test: str,
    taken_on: date,
    scale_score: int,
    phase: str,
    nrs_level: int | None = None,
    form: str = "",
    mode: str = TestMode.IN_PERSON,
    proctor: str = "",
) -> Assessment:
    """Save one result. For a catalog test the NRS level is the score table's
    (a typed one is ignored). Saving the same result again (a double tap, a
    reload) finds the first one instead of counting the test twice."""
    form, proctor = form.strip(), proctor.strip()
    check_result(
        test=test, taken_on=taken_on, scale_score=scale_score, phase=phase,
        nrs_level=nrs_level, mode=mode, proctor=proctor,
    )  # fmt: skip
    if test == AssessmentTest.PROGRAM:
        warnings = [_("The program's own test is kept for the program: not for the NRS.")]
    else:
        rules = rules_of.testing_rules()
        nrs_level, warnings = catalog_verdict(
            student, test, form, taken_on, scale_score, phase, rules
        )
    assessment, _created = Assessment.objects.get_or_create(
        student=student,
        test=test,
        form=form,
        taken_on=taken_on,
        scale_score=scale_score,
        phase=phase,
        nrs_level=nrs_level,
        defaults={"recorded_by": by, "mode": mode, "proctor": proctor if mode == "remote" else ""},
    )
    assessment.warnings = warnings
    return assessment
