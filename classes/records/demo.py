"""Demo test results: pre-tests in the first week of the demo term for every demo
student, post-tests last week for most, some showing a gain and some not, so the
records dashboard has real numbers. Called from classes/demo.py after the classes."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from classes.models import Assessment, AssessmentPhase, Class
from classes.records.assessments import record_assessment

# username: (test, form, pre score, pre level, post score, post level or None)
DEMO_RESULTS = {
    "student1": ("casas_reading", "27R", 195, 2, 208, 3),  # a gain
    "student2": ("best_plus", "D", 380, 2, 437, 3),  # a gain
    "student3": ("casas_listening", "82L", 190, 2, 196, 2),  # post-tested, no gain
    "student4": ("casas_reading", "27R", 199, 2, None, None),  # not post-tested yet
    "student5": ("tabe_clas_e", "A", 480, 4, 528, 5),  # a gain
    "student6": ("casas_reading", "187R", 212, 4, 219, 4),  # post-tested, no gain
    "student7": ("best_literacy", "C", 60, 4, None, None),
    "student8": ("program", "Intake", 55, 4, 71, 5),  # a gain
    "student9": ("casas_reading", "27R", 205, 3, None, None),  # the distance learner
}


def demo_term_start():
    first = Class.objects.filter(name__startswith="Level 2 · ").order_by("term_start").first()
    return first.term_start if first else timezone.localdate() - timedelta(weeks=6)


def load(log):
    people = get_user_model().objects.filter(username__in=[*DEMO_RESULTS, "manager"])
    people = {person.username: person for person in people}
    pre_day = demo_term_start() + timedelta(days=1)
    post_day = timezone.localdate() - timedelta(days=5)
    saved = 0
    for username, (test, form, pre, pre_level, post, post_level) in DEMO_RESULTS.items():
        student = people[username]
        if Assessment.objects.of_student(student).exists():
            continue  # already loaded (perhaps on another day): never twice
        common = {"by": people["manager"], "test": test, "form": form}
        record_assessment(
            student,
            **common,
            taken_on=pre_day,
            scale_score=pre,
            phase=AssessmentPhase.PRE,
            nrs_level=pre_level,
        )
        saved += 1
        if post is not None:
            record_assessment(
                student,
                **common,
                taken_on=post_day,
                scale_score=post,
                phase=AssessmentPhase.POST,
                nrs_level=post_level,
            )
            saved += 1
    log(f"{saved} new test results (pre- and post-tests)")
