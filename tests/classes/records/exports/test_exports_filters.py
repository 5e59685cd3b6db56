"""The period, level and class filters narrow every export the same way."""

from django.utils import timezone

from classes.models import Enrollment
from classes.records.filters import current_term
from classes.submissions.services import save_draft
from tests.classes.records.exports.conftest import csv_dicts

SEPTEMBER_FIRST_WEEKS = "start=2026-09-01&end=2026-09-10"


def get(client, name, query):
    return csv_dicts(client.get(f"/records/exports/{name}.csv?{query}"))


def test_the_period_limits_sessions_hours_tests_and_work(login, manager, program):
    client = login(manager)
    attendance = get(client, "attendance", SEPTEMBER_FIRST_WEEKS)
    assert {row["session_date"] for row in attendance} == {"2026-09-07", "2026-09-09"}
    assert len(attendance) == 4
    hours = {
        row["student"]: row["contact_hours"]
        for row in get(client, "students", SEPTEMBER_FIRST_WEEKS)
    }
    assert hours == {"أمينة يوسف": "4.00", "Ahmad Rahimi": "0.00", "Fatima Noor": "4.00"}
    tests = get(client, "assessments", SEPTEMBER_FIRST_WEEKS)
    assert [row["phase"] for row in tests] == ["pre", "pre"]
    assert get(client, "submissions", SEPTEMBER_FIRST_WEEKS) == []


def test_a_gain_counts_only_with_its_post_test_in_the_period(login, manager, program):
    rows = get(login(manager), "students", "start=2026-09-01&end=2026-11-30")
    amina = next(row for row in rows if row["student"] == "أمينة يوسف")
    assert (amina["entering_nrs_level"], amina["measurable_skill_gain"]) == ("2", "no")


def test_the_level_keeps_the_classes_of_that_level(login, manager, program):
    client = login(manager)
    query = f"start=2026-09-01&end=2026-12-31&level={program.level4.pk}"
    assert [row["student"] for row in get(client, "students", query)] == ["Fatima Noor"]
    assert {row["class"] for row in get(client, "attendance", query)} == {"Morning Level 4"}
    assert [row["student"] for row in get(client, "assessments", query)] == ["Fatima Noor"]
    assert get(client, "submissions", query) == []


def test_the_class_keeps_that_class(login, manager, program):
    query = f"start=2026-09-01&end=2026-12-31&class={program.evening.pk}"
    rows = get(login(manager), "students", query)
    assert {row["student"] for row in rows} == {"أمينة يوسف", "Ahmad Rahimi"}


def test_a_student_who_left_before_the_period_is_not_in_it(login, manager, program):
    # withdraw() stamps today; this enrollment ended before the period.
    Enrollment.objects.filter(student=program.ahmad).update(
        status="withdrawn", ended_on="2026-08-31"
    )
    rows = get(login(manager), "students", SEPTEMBER_FIRST_WEEKS)
    assert "Ahmad Rahimi" not in {row["student"] for row in rows}


def test_a_class_whose_term_is_outside_the_period_is_not_in_it(login, manager, program):
    rows = get(login(manager), "students", "start=2027-01-04&end=2027-03-26")
    assert rows == []


def test_without_dates_the_export_covers_the_current_term(login, manager, program):
    response = login(manager).get("/records/exports/students.csv")
    term = current_term()
    expected = f"harbor-students-{term.first_day}-to-{term.last_day}.csv"
    assert response["Content-Disposition"] == f'attachment; filename="{expected}"'


def test_work_counts_in_the_period_it_was_first_handed_in_a_draft_when_started(
    login, manager, program, assignment
):
    save_draft(program.ahmad, assignment(title="Read the sign"), "I think")
    today = timezone.localdate()
    client = login(manager)
    started_today = get(client, "submissions", f"start={today}&end={today}")
    assert [
        (row["student"], row["status"], row["first_submitted_at"]) for row in started_today
    ] == [("Ahmad Rahimi", "draft", "")]
    handed_in = get(client, "submissions", "start=2026-09-17&end=2026-09-17")
    assert [(row["student"], row["status"]) for row in handed_in] == [("أمينة يوسف", "returned")]
