"""Who may export what, the audit entry every export writes, and bad filters."""

import pytest

from classes.enrollment import withdraw
from classes.models import AccessAuditEntry, AuditAction, Enrollment
from classes.records.exports.registry import EXPORTS
from tests.classes.records.exports.conftest import TERM, csv_dicts

NAMES = list(EXPORTS)


def url(name, query=TERM, fmt="csv"):
    return f"/records/exports/{name}.{fmt}?{query}"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("name", NAMES)
def test_students_are_refused_every_export(login, program, name, fmt):
    response = login(program.amina).get(url(name, fmt=fmt))
    assert response.status_code == 403
    assert not AccessAuditEntry.objects.exists()


@pytest.mark.parametrize("name", NAMES)
def test_anonymous_visitors_are_sent_to_sign_in(client, program, name):
    response = client.get(url(name))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_an_unknown_export_or_format_is_not_found(login, manager):
    client = login(manager)
    assert client.get("/records/exports/everything.csv").status_code == 404
    assert client.get("/records/exports/students.pdf").status_code == 404


def test_a_teacher_gets_only_the_rows_of_their_own_classes(login, teacher, program):
    client = login(teacher)
    students = {row["student"] for row in csv_dicts(client.get(url("students")))}
    assert students == {"أمينة يوسف", "Ahmad Rahimi"}
    attendance = {row["class"] for row in csv_dicts(client.get(url("attendance")))}
    assert attendance == {"Evening Level 2"}
    assessed = {row["student"] for row in csv_dicts(client.get(url("assessments")))}
    assert assessed == {"أمينة يوسف"}
    assert len(csv_dicts(client.get(url("submissions")))) == 1


def test_a_teacher_asking_for_another_teachers_class_is_told_so(login, teacher, program):
    response = login(teacher).get(url("students", f"{TERM}&class={program.morning.pk}"))
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "There is no such class, or it is not yours." in response.content.decode()
    assert not AccessAuditEntry.objects.exists()


def test_the_other_teacher_sees_only_their_class(login, program):
    rows = csv_dicts(login(program.other_teacher).get(url("students")))
    assert [row["student"] for row in rows] == ["Fatima Noor"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("start=2026-13-45", "Enter a date like 2026-09-01."),
        ("start=2026-12-01&end=2026-09-01", "The end date is before the start date."),
        ("level=999999", "There is no such level."),
        ("level=abc", "There is no such level."),
        ("class=999999", "There is no such class, or it is not yours."),
    ],
)
def test_bad_filters_are_refused_with_the_reason(login, manager, program, query, message):
    response = login(manager).get(url("students", query, fmt="xlsx"))
    assert response.status_code == 400
    body = response.content.decode()
    assert body.startswith("The export was not made because of these filters:")
    assert message in body
    assert not AccessAuditEntry.objects.exists()


def test_every_mistake_in_the_filters_is_listed(login, manager):
    response = login(manager).get(url("attendance", "start=soon&end=later&class=x"))
    body = response.content.decode()
    assert "From (start)" in body and "To (end)" in body and "Class (class)" in body


@pytest.mark.parametrize(
    ("name", "whose", "row_count"),
    [
        ("students", "both", 2),
        ("attendance", "both", 8),
        ("submissions", "amina", 1),
        ("assessments", "amina", 2),
        ("nrs-table-4", "both", 7),  # the table's rows; the figures read both students
    ],
)
def test_each_export_writes_an_audit_entry_naming_its_students(
    login, manager, program, name, whose, row_count
):
    query = f"{TERM}&class={program.evening.pk}"
    response = login(manager).get(url(name, query))
    entry = AccessAuditEntry.objects.get()  # written before a single row is read
    assert (entry.actor, entry.action) == (manager, AuditAction.EXPORT)
    assert entry.target == url(name, query)
    students = {"both": [program.amina.pk, program.ahmad.pk], "amina": [program.amina.pk]}
    assert entry.student_ids == sorted(students[whose])
    assert entry.row_count == row_count == len(csv_dicts(response))


def test_the_audit_names_exactly_the_students_exported(login, manager, program):
    rows = csv_dicts(login(manager).get(url("attendance")))
    entry = AccessAuditEntry.objects.get()
    assert entry.student_ids == sorted({int(row["student_id"]) for row in rows})
    assert entry.row_count == len(rows) == 10


def test_a_class_attendance_csv_is_audited_too(login, teacher, program):
    login(teacher).get(f"/classes/{program.evening.pk}/attendance.csv")
    entry = AccessAuditEntry.objects.get()
    assert entry.student_ids == sorted([program.amina.pk, program.ahmad.pk])
    assert entry.row_count == 8


def test_withdrawn_students_stay_in_the_exports_of_their_period(login, manager, program):
    withdraw(Enrollment.objects.get(student=program.ahmad))
    rows = csv_dicts(login(manager).get(url("students")))
    ahmad = next(row for row in rows if row["student"] == "Ahmad Rahimi")
    assert ahmad["status"] == "withdrawn" and ahmad["ended_on"] != ""
