"""The loans export: its documented columns and values, the audit entry it
writes, and that a teacher gets only their own students' loans."""

from classes.models import AccessAuditEntry, AuditAction
from classes.records.exports.loans import COLUMNS
from tests.classes.records.exports.conftest import TERM, csv_dicts, csv_rows, xlsx_rows


def test_a_loan_row_carries_the_device_the_student_and_the_agreement(login, manager, program):
    response = login(manager).get(f"/records/exports/loans.csv?{TERM}")
    assert tuple(csv_rows(response)[0]) == COLUMNS
    [row] = csv_dicts(login(manager).get(f"/records/exports/loans.csv?{TERM}"))
    assert row["loan_id"] == str(program.loan.pk)
    assert (row["asset_tag"], row["kind"], row["model"]) == ("'=HBR-001", "laptop", "Chromebook")
    assert (row["student_id"], row["student"]) == (str(program.amina.pk), "أمينة يوسف")
    assert (row["lent_on"], row["due_back"], row["returned_on"]) == (
        "2026-09-10",
        "2026-12-01",
        "",
    )
    assert (row["agreement_signed"], row["agreement_signed_on"]) == ("yes", "2026-09-10")
    assert row["lent_by"] == program.loan.lent_by.username and row["received_by"] == ""


def test_the_xlsx_has_the_same_columns(login, manager, program):
    rows = xlsx_rows(login(manager).get(f"/records/exports/loans.xlsx?{TERM}"))
    assert tuple(rows[0]) == COLUMNS and len(rows) == 2


def test_the_export_is_audited_with_the_students_it_names(login, manager, program):
    login(manager).get(f"/records/exports/loans.csv?{TERM}")
    entry = AccessAuditEntry.objects.get()
    assert entry.action == AuditAction.EXPORT and entry.actor == manager
    assert entry.student_ids == [program.amina.pk] and entry.row_count == 1


def test_another_teacher_gets_none_of_these_loans(login, program):
    response = login(program.other_teacher).get(f"/records/exports/loans.csv?{TERM}")
    assert csv_dicts(response) == []


def test_a_loan_returned_before_the_period_is_not_in_it(login, manager, program):
    rows = csv_dicts(
        login(manager).get("/records/exports/loans.csv?start=2026-12-02&end=2026-12-18")
    )
    assert len(rows) == 1  # still out: it counts in every period after it was lent
    rows = csv_dicts(
        login(manager).get("/records/exports/loans.csv?start=2026-09-01&end=2026-09-09")
    )
    assert rows == []
