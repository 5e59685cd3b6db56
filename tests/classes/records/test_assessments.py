"""Recording a test result: who may, and what is refused."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from classes.models import Assessment
from classes.records.assessments import record_assessment
from learning.roles import Role


def form(**changes):
    data = {
        "test": "casas_reading",
        "form": "27R",
        "taken_on": "2026-09-10",
        "scale_score": "185",  # Level 2 on the CASAS reading table (181–190)
        "phase": "pre",
        "mode": "in_person",
    }
    return {**data, **changes}


def test_a_teacher_records_a_result_for_a_student_of_their_class(login, classroom):
    _cohort, teacher, amina, _ahmad = classroom
    client = login(teacher)
    url = f"/records/students/{amina.pk}/assessments/new/"
    assert client.get(url).status_code == 200
    response = client.post(url, form())
    assert response.status_code == 302
    assert response["Location"] == f"/records/students/{amina.pk}/"
    result = Assessment.objects.get()
    assert (result.student, result.recorded_by, result.nrs_level) == (amina, teacher, 2)
    assert (result.taken_on, result.scale_score, result.form) == (date(2026, 9, 10), 185, "27R")
    page = client.get(response["Location"]).content.decode()
    assert "The test result was saved." in page and "CASAS reading" in page


def test_sending_the_same_result_twice_saves_it_once(login, classroom):
    _cohort, teacher, amina, _ahmad = classroom
    client = login(teacher)
    url = f"/records/students/{amina.pk}/assessments/new/"
    client.post(url, form())
    client.post(url, form())
    assert Assessment.objects.count() == 1


def test_a_manager_records_a_placement_test_before_any_class(login, manager, make_user):
    newcomer = make_user(Role.STUDENT)
    response = login(manager).post(f"/records/students/{newcomer.pk}/assessments/new/", form())
    assert response.status_code == 302
    assert Assessment.objects.get().student == newcomer


def test_a_teacher_cannot_record_for_a_student_not_in_their_classes(login, classroom, make_user):
    _cohort, teacher, _amina, _ahmad = classroom
    newcomer = make_user(Role.STUDENT)
    response = login(teacher).post(f"/records/students/{newcomer.pk}/assessments/new/", form())
    assert response.status_code == 404
    assert not Assessment.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"taken_on": "2099-01-01"}, "The test date cannot be in the future."),
        ({"taken_on": "1999-12-31"}, "Check the year of the test date."),
        ({"taken_on": "2026-02-30"}, "Enter a date like 2026-09-01."),
        ({"scale_score": "0"}, "0 is not on the score table of CASAS Life and Work Reading"),
        ({"scale_score": "1500"}, "A scale score is a number from 0 to 999."),
        ({"scale_score": "two hundred"}, "The scale score is a whole number."),
        ({"nrs_level": "7"}, "The NRS level is a number from 1 to 6."),
        ({"nrs_level": "0"}, "The NRS level is a number from 1 to 6."),
        ({"test": "toefl"}, "Select a valid choice."),
        ({"phase": "mid"}, "Select a valid choice."),
    ],
)
def test_bad_results_are_refused_with_a_clear_message(login, classroom, changes, message):
    _cohort, teacher, amina, _ahmad = classroom
    response = login(teacher).post(
        f"/records/students/{amina.pk}/assessments/new/", form(**changes)
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Assessment.objects.exists()


def test_the_rules_hold_for_callers_other_than_the_form(classroom):
    _cohort, teacher, amina, _ahmad = classroom
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        record_assessment(
            amina,
            by=teacher,
            test="casas_reading",
            taken_on=tomorrow,
            scale_score=5000,
            phase="pre",
            nrs_level=9,
        )
    assert set(error.value.message_dict) == {"taken_on", "scale_score", "nrs_level"}
    assert not Assessment.objects.exists()
