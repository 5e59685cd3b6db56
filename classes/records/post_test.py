"""Who in a class is ready for a post-test: a student with a pretest of a catalog
test in the lookback and no post-test of that test since, whose hours of
instruction since the pretest (contact and proxy, every class) reached the test's
minimum. Rules: classes/records/testing_rules.py; page: /records/classes/<id>/post-test/."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from classes.models import Assessment, AssessmentPhase, EnrollmentStatus
from classes.records import testing_rules as rules_of
from classes.records.catalog import instruments
from classes.records.period_data import periods_by_student


@dataclass(frozen=True)
class Waiting:
    """A student's open pretest: the hours since it and the forms to post-test on."""

    student: object
    test_name: str
    pretest_on: date
    pretest_form: str
    hours: Decimal
    minimum: int
    forms: list

    @property
    def ready(self):
        return self.hours >= self.minimum

    @property
    def hours_to_go(self):
        return max(Decimal(self.minimum) - self.hours, Decimal(0))


def open_pretests(results, rules, today):
    """[(pretest, later)] per test: the latest pretest of each test within the
    lookback with no post-test of that test on or after its day."""
    by_test = defaultdict(list)
    for result in results:
        by_test[result.test].append(result)
    waiting = []
    for test, taken in by_test.items():
        pretest = rules_of.pairing_pretest(taken, test, today, rules)
        if pretest is None:
            continue
        posted = any(
            r.phase == AssessmentPhase.POST and r.taken_on >= pretest.taken_on for r in taken
        )
        if not posted:
            waiting.append(pretest)
    return waiting


def waiting_in_class(class_, today=None):
    """[Waiting] for the class's current students, ready ones first, then by hours."""
    today = today or timezone.localdate()
    rules = rules_of.testing_rules()
    enrollments = class_.enrollments.filter(status=EnrollmentStatus.ACTIVE).select_related(
        "student"
    )
    students = {e.student_id: e.student for e in enrollments}
    catalog = instruments()
    since = today - timedelta(days=rules.lookback_days)
    results = defaultdict(list)
    rows = Assessment.objects.filter(
        student_id__in=students, test__in=catalog, taken_on__gte=since
    ).only("student_id", "test", "form", "phase", "taken_on")
    for result in rows.order_by():
        results[result.student_id].append(result)
    periods = periods_by_student(list(results), today=today) if results else {}
    rows = []
    for student_id, taken in results.items():
        for pretest in open_pretests(taken, rules, today):
            instrument = catalog[pretest.test]
            hours = rules_of.hours_between_tests(
                periods.get(student_id, []), pretest.taken_on, today
            )
            rows.append(
                Waiting(
                    students[student_id],
                    instrument.name,
                    pretest.taken_on,
                    pretest.form,
                    hours,
                    instrument.min_hours,
                    rules_of.alternate_forms(instrument, pretest.form),
                )
            )
    return sorted(rows, key=lambda row: (not row.ready, -row.hours, row.student.name))
