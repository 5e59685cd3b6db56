"""Ready to post-test, per class (/records/classes/<id>/post-test/). Hand-computed
with the class of test_catalog_rules (Mondays and Wednesdays from Sept. 7, 2026, two
hours), everyone at every session up to Nov. 18. Today is after Nov. 18 (hours
count up to yesterday): a pretest on Sept. 7 → 21 sessions after it (Sept. 9 …
Nov. 18), 42 hours; a pretest on Nov. 2 → Nov. 4, 9, 11, 16, 18: 10 hours, 30 to go."""

from datetime import date

import pytest
from django.utils import timezone

from classes.attendance import Mark, take_attendance
from classes.enrollment import enroll
from classes.models import Assessment
from classes.records.assessments import record_assessment
from classes.records.post_test import waiting_in_class
from learning.roles import Role

pytestmark = pytest.mark.skipif(
    timezone.localdate() <= date(2026, 11, 19), reason="the fixture's sessions must be past"
)


@pytest.fixture
def waiting(classroom, make_user):
    cohort, teacher, amina, ahmad = classroom
    carlos = make_user(Role.STUDENT, display_name="Carlos Mendez")
    enroll(carlos, cohort)
    people = [amina, ahmad, carlos]
    for session in cohort.sessions.filter(starts_at__date__lte=date(2026, 11, 18)):
        take_attendance(session, {p.pk: Mark("present", 120) for p in people}, by=teacher)

    def test(student, day, phase, form, score):
        record_assessment(student, by=teacher, test="casas_reading", taken_on=day,
                          phase=phase, form=form, scale_score=score)  # fmt: skip

    test(amina, date(2026, 9, 7), "pre", "81R", 185)
    test(ahmad, date(2026, 11, 2), "pre", "185R", 186)
    test(carlos, date(2026, 9, 7), "pre", "81R", 185)
    test(carlos, date(2026, 11, 18), "post", "82R", 195)  # already post-tested
    return cohort, teacher, amina, ahmad, carlos


def test_ready_are_those_past_the_minimum_with_no_post_test_since(waiting):
    cohort, _teacher, amina, ahmad, _carlos = waiting
    rows = waiting_in_class(cohort)
    assert [(row.student, row.ready, row.hours) for row in rows] == [
        (amina, True, 42),
        (ahmad, False, 10),
    ]
    assert rows[0].forms[:3] == ["82R", "185R", "186R"]  # Level B forms, the pretest's left out
    assert "81R" not in rows[0].forms
    assert rows[1].hours_to_go == 30


def test_the_class_page_links_to_the_list_its_teacher_reads(login, waiting):
    cohort, teacher, *_ = waiting
    client = login(teacher)
    class_page = client.get(f"/records/classes/{cohort.pk}/").content.decode()
    assert f'href="/records/classes/{cohort.pk}/post-test/"' in class_page
    response = client.get(f"/records/classes/{cohort.pk}/post-test/")
    assert response.status_code == 200
    page = response.content.decode()
    ready, not_yet = page.split("Ready now", 1)[1].split("Not yet", 1)
    assert "Amina Yusuf" in ready and "82R, 185R, 186R" in ready
    assert "Ahmad Rahimi" in not_yet and "Carlos Mendez" not in page


def test_others_are_refused_the_list(login, client, waiting, make_user, manager):
    cohort, _teacher, amina, *_ = waiting
    url = f"/records/classes/{cohort.pk}/post-test/"
    outcomes = []
    for person in (make_user(Role.TEACHER), amina, manager):
        outcomes.append(login(person).get(url).status_code)
        client.logout()
    assert outcomes == [404, 403, 200]  # another class's teacher, a student, a manager
    assert login(manager).get("/records/classes/999999/post-test/").status_code == 404
    assert Assessment.objects.count() == 4  # reading changes nothing
