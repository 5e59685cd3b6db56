"""Recording a standardized test result for a student."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from classes.models import Assessment, AssessmentPhase, AssessmentTest
from learning.models import User
from packets.levels import NRSLevel

# Scale scores of the tests programs use (CASAS, BEST Plus, BEST Literacy, TABE
# CLAS-E) all fall in this range; anything outside it is a typing slip.
MIN_SCALE_SCORE, MAX_SCALE_SCORE = 1, 999
# Nothing older than this is "a result for this program": a year typed wrong.
EARLIEST_TEST_DATE = date(2000, 1, 1)


def check_result(*, test, taken_on, scale_score, phase, nrs_level, today=None):
    """Every problem with a result, by field, in one ValidationError."""
    today = today or timezone.localdate()
    errors = {}
    if test not in AssessmentTest.values:
        errors["test"] = _("Choose a test from the list.")
    if phase not in AssessmentPhase.values:
        errors["phase"] = _("Choose pre-test or post-test.")
    if nrs_level not in NRSLevel.values:
        errors["nrs_level"] = _("The NRS level is a number from 1 to 6.")
    if not MIN_SCALE_SCORE <= scale_score <= MAX_SCALE_SCORE:
        errors["scale_score"] = _("A scale score is a number from %(low)s to %(high)s.") % {
            "low": MIN_SCALE_SCORE,
            "high": MAX_SCALE_SCORE,
        }
    if taken_on > today:
        errors["taken_on"] = _("The test date cannot be in the future.")
    elif taken_on < EARLIEST_TEST_DATE:
        errors["taken_on"] = _("Check the year of the test date.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def record_assessment(
    student: User,
    *,
    by: User,
    test: str,
    taken_on: date,
    scale_score: int,
    phase: str,
    nrs_level: int,
    form: str = "",
) -> Assessment:
    """Save one result. Saving the same result again (a double tap, a reload)
    finds the first one instead of counting the test twice."""
    check_result(
        test=test, taken_on=taken_on, scale_score=scale_score, phase=phase, nrs_level=nrs_level
    )
    assessment, _created = Assessment.objects.get_or_create(
        student=student,
        test=test,
        form=form.strip(),
        taken_on=taken_on,
        scale_score=scale_score,
        phase=phase,
        nrs_level=nrs_level,
        defaults={"recorded_by": by},
    )
    return assessment
