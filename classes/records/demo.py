"""Demo test results: pre-tests in the first week of the demo term for every demo
student, post-tests last week for most, some showing a gain and some not, so the
records dashboard has real numbers. Called from classes/demo.py after the classes.

The results follow the test catalog (forms, alternate forms, the score tables).
The demo term is six weeks old, short of the publishers' 40 hours between tests,
so the demo's program sets DEMO_MINIMUM_HOURS in its catalog, as a program may
in the Wagtail admin; the log says so. A real program keeps the published minimum.

The demo's results are on the former ESL levels' tests, whose score tables Harbor
has (the current tests' tables are entered by each program). Their approval ended
June 30, 2025, so for trying Harbor only the demo's program keeps it open; the
log says so, and the NRS tables page warns of it as it would in a real program."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone

from classes.models import Assessment, AssessmentPhase, Class, TestInstrument, TestMode
from classes.records.assessments import record_assessment

DEMO_MINIMUM_HOURS = 12
# username: (test, pre form, post form, pre score, post score or None, NRS level
# for the program's own test). Levels come from the catalog's tables.
DEMO_RESULTS = {
    "student1": ("casas_reading", "81R", "82R", 185, 195, None),  # 2 → 3: a gain
    "student2": ("best_plus", "D", "E", 380, 450, None),  # 3 → 4: a gain
    "student3": ("casas_listening", "983L", "984L", 185, 188, None),  # 2 → 2: no gain
    "student4": ("casas_reading", "81R", "", 186, None, None),  # not post-tested yet
    "student5": ("tabe_clas_e", "A", "B", 480, 500, None),  # 3 → 4: a gain (remote)
    "student6": ("casas_reading", "83R", "84R", 212, 218, None),  # 5 → 5: no gain
    "student7": ("best_literacy", "C", "", 60, None, None),
    "student8": ("program", "Intake", "Exit", 55, 71, (4, 5)),  # a gain, not for the NRS
    "student9": ("casas_reading", "81R", "", 195, None, None),  # the distance learner
}
# A post-test given remotely, with its proctor (docs/records.md).
REMOTE = {"student5": "Teacher Two"}


def demo_term_start():
    first = Class.objects.filter(name__startswith="Level 2 · ").order_by("term_start").first()
    return first.term_start if first else timezone.localdate() - timedelta(weeks=6)


def record(student, manager, username, phase, day, log):
    test, pre_form, post_form, pre, post, levels = DEMO_RESULTS[username]
    pre_phase = phase == AssessmentPhase.PRE
    fields = {
        "by": manager,
        "test": test,
        "taken_on": day,
        "phase": phase,
        "form": pre_form if pre_phase else post_form,
        "scale_score": pre if pre_phase else post,
        "nrs_level": levels[0 if pre_phase else 1] if levels else None,
    }
    if not pre_phase and username in REMOTE:
        fields.update(mode=TestMode.REMOTE, proctor=REMOTE[username])
    try:
        record_assessment(student, **fields)
    except ValidationError as refused:  # too few hours this early in the term
        log(f"{username}'s {phase}-test not recorded: {' '.join(refused.messages)}")
        return 0
    return 1


def set_demo_catalog(log):
    tests = TestInstrument.objects.filter(code__in={row[0] for row in DEMO_RESULTS.values()})
    tests.filter(min_hours_between__gt=DEMO_MINIMUM_HOURS).update(
        min_hours_between=DEMO_MINIMUM_HOURS
    )
    if tests.filter(approved_until__isnull=False).update(approved_until=None):
        log(
            "For trying Harbor only: the demo's catalog keeps the former ESL tests approved "
            "after their sunset (June 30, 2025), so the demo's results count"
        )


def load(log):
    set_demo_catalog(log)
    people = get_user_model().objects.filter(username__in=[*DEMO_RESULTS, "manager"])
    people = {person.username: person for person in people}
    pre_day = demo_term_start() + timedelta(days=1)
    post_day = timezone.localdate() - timedelta(days=5)
    saved = 0
    for username, row in DEMO_RESULTS.items():
        student = people[username]
        if Assessment.objects.of_student(student).exists():
            continue  # already loaded (perhaps on another day): never twice
        saved += record(student, people["manager"], username, AssessmentPhase.PRE, pre_day, log)
        if row[4] is not None:
            saved += record(
                student, people["manager"], username, AssessmentPhase.POST, post_day, log
            )
    log(
        f"{saved} new test results (pre- and post-tests); the demo program's catalog asks "
        f"{DEMO_MINIMUM_HOURS} hours between them (the publishers ask 40)"
    )
