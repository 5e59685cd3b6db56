"""The NRS tables as CSV and XLSX files: the page's figures, cell for cell, for
managers only, audited; a snapshot's frozen figures the same way."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from classes.attendance import Mark, take_attendance
from classes.intake.services import save_profile
from classes.models import AccessAuditEntry, AuditAction, NrsSnapshot
from classes.records.nrs.figures import year_figures
from classes.records.nrs.files import TABLES
from classes.records.rules import ProgramYear, nrs_rules
from tests import factories

YEAR = ProgramYear(date(2026, 7, 1), date(2027, 6, 30))


@pytest.fixture
def year_of_records(classroom, manager):
    """Amina: 6 sessions × 2 hours = 12 hours and a pre-test at level 2, female,
    Asian: one participant. Ahmad: 2 hours, a reportable individual."""
    cohort, teacher, amina, ahmad = classroom
    sessions = list(cohort.sessions.order_by("starts_at")[:6])
    for session in sessions:
        marks = {amina.pk: Mark("present", 120)}
        if session == sessions[0]:
            marks[ahmad.pk] = Mark("present", 120)
        take_attendance(session, marks, by=teacher)
    start = timezone.localtime(sessions[0].starts_at).date()
    factories.record_test(amina, by=teacher, test="best_plus", taken_on=start, phase="pre", level=2)
    save_profile(
        amina, {"sex": "female", "ethnicity": "not_hispanic", "races": ["asian"]}, by=manager
    )
    return amina, ahmad


def content(response):
    return b"".join(response.streaming_content)


def csv_rows(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    data = content(response)
    assert data.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def row(rows, key, part=None):
    header = rows[0]
    for cells in rows[1:]:
        found = dict(zip(header, cells, strict=True))
        if found["row_key"] == key and (part is None or found["part"] == part):
            return found
    raise AssertionError(f"no row {key}")


def test_table_4_as_csv_holds_the_hand_computed_figures_of_the_page(
    login, manager, year_of_records
):
    response = login(manager).get("/records/nrs/table-4.csv?year=2026")
    assert response.status_code == 200
    assert "harbor-nrs-table-4-2026-27.csv" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0] == [
        "row_key",
        "row",
        "participants",
        "class_hours",
        "proxy_hours",
        "participants_with_gain",
        "participants_separated",
        "participants_remaining",
        "percent_participants_with_gain",
        "periods",
        "periods_with_gain",
        "percent_periods_with_gain",
    ]
    level_2 = row(rows, "2")
    assert level_2["row"] == "Low Beginning ESL"
    assert (level_2["participants"], level_2["class_hours"], level_2["proxy_hours"]) == (
        "1",
        "12.00",
        "0.00",
    )
    assert (level_2["periods"], level_2["periods_with_gain"]) == ("1", "0")
    # Amina's period is open: she remains, without a gain.
    assert (level_2["participants_separated"], level_2["participants_remaining"]) == ("0", "1")
    assert level_2["percent_periods_with_gain"] == "0.0"
    assert row(rows, "1")["percent_periods_with_gain"] == ""  # none: the page's "–"
    assert row(rows, "total")["participants"] == "1"


def test_every_table_s_cells_equal_the_page_s_figures(login, manager, year_of_records):
    figures = year_figures(YEAR, timezone.localdate(), nrs_rules())
    client = login(manager)
    page = {table.number: table for table in figures.all_tables if table.number != "6"}
    for name, number in TABLES.items():
        rows = csv_rows(client.get(f"/records/nrs/table-{name}.csv?year=2026"))
        if number == "6":
            assert rows[0][:3] == ["part", "row_key", "row"]
            assert row(rows, "not_reported", "employment")["count"] == "1"
            assert row(rows, "not_reported", "schooling")["total"] == "1"
            continue
        table = page[number]
        keys = [str(key) for key, _label in table.columns]
        assert rows[0] == ["row_key", "row", *keys]
        for key, _label, values in table.rows:
            expected = ["" if value is None else str(value) for value in values]
            assert [row(rows, str(key))[k] for k in keys] == expected, (number, key)
    table_1 = csv_rows(client.get("/records/nrs/table-1.csv?year=2026"))
    assert row(table_1, "2")["asian/female"] == "1"


def test_the_xlsx_has_numbers_a_frozen_header_and_widths(login, manager, year_of_records):
    response = login(manager).get("/records/nrs/table-4b.xlsx?year=2026")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(content(response))).active
    assert sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]][:3] == ["row_key", "row", "participants"]
    assert sheet.column_dimensions["B"].width >= len("Low Beginning ESL")


def test_a_table_download_is_audited_with_the_participants_it_reads(
    login, manager, year_of_records
):
    amina, _ahmad = year_of_records
    login(manager).get("/records/nrs/table-3.csv?year=2026")
    entry = AccessAuditEntry.objects.get(action=AuditAction.EXPORT)
    assert entry.target == "/records/nrs/table-3.csv?year=2026"
    assert entry.student_ids == [amina.pk]
    assert entry.actor == manager


def test_teachers_and_students_are_refused_and_a_bad_year_is_a_400(
    login, manager, classroom, client
):
    _cohort, teacher, amina, _ahmad = classroom
    for user in (teacher, amina):
        login(user)
        for path in ("/records/nrs/table-4.csv", "/records/nrs/table-6.xlsx?year=2026"):
            assert client.get(path).status_code == 403
        client.logout()
    login(manager)
    for bad in ("1999", "3000", "twenty", "²", "٢٠٢٦", "02026"):
        assert client.get(f"/records/nrs/table-4.csv?year={bad}").status_code == 400, bad
    assert client.get("/records/nrs/table-5.csv").status_code == 404
    assert not AccessAuditEntry.objects.exists()


def test_a_snapshot_s_frozen_figures_download_as_they_were(login, manager, year_of_records):
    client = login(manager)
    client.post("/records/nrs/snapshots/", {"year": "2026", "note": "Sent"})
    snapshot = NrsSnapshot.objects.get()
    _amina, ahmad = year_of_records
    cohort_session = ahmad.enrollments.get().cohort.sessions.order_by("starts_at")[1]
    teacher = cohort_session.cohort.teachers.get()
    for session in cohort_session.cohort.sessions.order_by("starts_at")[1:7]:
        take_attendance(session, {ahmad.pk: Mark("present", 120)}, by=teacher)
    live = csv_rows(client.get("/records/nrs/table-4.csv?year=2026"))
    assert row(live, "total")["participants"] == "2"  # Ahmad now has 14 hours
    path = f"/records/nrs/snapshots/{snapshot.pk}/table-4.xlsx"
    response = client.get(path)
    assert f"snapshot-{snapshot.pk}.xlsx" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(content(response))).active
    cells = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert cells["total"][2] == 1  # a number, as frozen
    assert Decimal(str(cells["2"][3])) == Decimal("12.00")
    assert cells["1"][11] is None  # "–" when frozen: an empty cell
    entry = AccessAuditEntry.objects.filter(action=AuditAction.EXPORT).latest("at")
    assert entry.target == path and entry.row_count == len(cells)
    assert client.get("/records/nrs/snapshots/999/table-4.csv").status_code == 404


def test_the_nrs_page_links_each_table_s_files_and_the_interchange(login, manager, classroom):
    client = login(manager)
    page = client.get("/records/nrs/?year=2026").content.decode()
    for name in TABLES:
        for fmt in ("csv", "xlsx"):
            assert f'href="/records/nrs/table-{name}.{fmt}?year=2026"' in page
    assert page.count('href="/records/nrs/table-6.csv?year=2026"') == 1
    assert 'href="/records/nrs/interchange.zip?year=2026"' in page
    client.post("/records/nrs/snapshots/", {"year": "2026"})
    snapshot = NrsSnapshot.objects.get()
    frozen = client.get(f"/records/nrs/snapshots/{snapshot.pk}/").content.decode()
    assert f'href="/records/nrs/snapshots/{snapshot.pk}/table-4c.csv"' in frozen
