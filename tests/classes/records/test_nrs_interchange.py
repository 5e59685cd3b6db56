"""The interchange export: students with intake codes, hours by type, tests, in
a stable flat layout; managers only, audited (as intake opened too)."""

import csv
import io
import zipfile
from datetime import date

import pytest
from django.utils import timezone

from classes.attendance import Mark, take_attendance
from classes.intake.services import save_entry, save_profile
from classes.models import AccessAuditEntry, AuditAction, Class
from classes.records.assessments import record_assessment
from classes.records.nrs.interchange import ATTENDANCE, FILES, STUDENTS, TESTS
from classes.records.nrs.interchange_layout import LAYOUT
from tests.factories import give_feedback, hand_in, publish_assignment, publish_packet

STUDENT_COLUMNS = [
    "student_id",
    "username",
    "name",
    "first_name",
    "last_name",
    "date_of_birth",
    "date_of_birth_status",
    "sex",
    "ethnicity",
    "race",
    "period_entry_date",
    "period_exit_date",
    "period_hours",
    "period_proxy_hours",
    "participant",
    "entering_nrs_level",
    "program_type",
    "employment",
    "schooling",
    "schooled_in",
    "barriers",
]
ATTENDANCE_COLUMNS = [
    "student_id",
    "service_date",
    "hours",
    "hour_type",
    "class_id",
    "class_mode",
    "session_id",
    "proxy_model",
    "submission_id",
    "packet_id",
]
TEST_COLUMNS = [
    "assessment_id",
    "student_id",
    "instrument",
    "form",
    "taken_on",
    "scale_score",
    "nrs_level",
    "phase",
]


@pytest.fixture
def program(classroom, make_class, manager):
    """Amina: 3 sessions × 2 h online (class A), 2 × 90 min in person (class B),
    one returned written assignment (60 proxy minutes today), a pre-test and a
    full intake. Ahmad: one online session, no intake at all."""
    from packets.demo import ensure_levels

    online, teacher, amina, ahmad = classroom
    in_person = make_class(teacher=teacher, students=[amina], name="Morning English")
    Class.objects.filter(pk=in_person.pk).update(mode="in_person")
    for index, session in enumerate(online.sessions.order_by("starts_at")[:3]):
        marks = {amina.pk: Mark("present", 120)}
        if index == 0:
            marks[ahmad.pk] = Mark("present", 120)
        take_attendance(session, marks, by=teacher)
    for session in in_person.sessions.order_by("starts_at")[:2]:
        take_attendance(session, {amina.pk: Mark("present", 90)}, by=teacher)
    packet = publish_packet(ensure_levels()["level-2"], "Week 4: The bus", number=4)
    give_feedback(teacher, hand_in(amina, publish_assignment(packet, "written")))
    first_day = timezone.localtime(online.sessions.order_by("starts_at")[0].starts_at).date()
    record_assessment(
        amina,
        by=teacher,
        test="casas_reading",
        form="81R",
        taken_on=first_day,
        scale_score=185,  # level 2 in the catalog's table
        phase="pre",
        nrs_level=2,
    )
    save_profile(
        amina,
        {
            "date_of_birth": date(1990, 5, 1),
            "sex": "female",
            "ethnicity": "declined",
            "races": ["asian", "white"],
        },
        by=manager,
    )
    save_entry(amina, first_day, {"program_type": "ela", "barriers": ["low_income"]}, by=manager)
    return amina, ahmad, online, in_person


def rows_of(data):
    assert data.startswith("\ufeff".encode())
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def download(client, name):
    response = client.get(f"/records/nrs/interchange/{name}.csv?year=2026")
    assert response.status_code == 200
    data = b"".join(response.streaming_content)
    header = next(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    return header, rows_of(data)


def test_the_columns_are_stable_and_documented_in_the_layout():
    assert list(STUDENTS.headers) == STUDENT_COLUMNS
    assert list(ATTENDANCE.headers) == ATTENDANCE_COLUMNS
    assert list(TESTS.headers) == TEST_COLUMNS
    for name, table in FILES.items():
        assert [column for column, _kind, _meaning in LAYOUT[name]] == list(table.headers)


def test_a_student_s_hours_come_by_type(login, manager, program):
    amina, ahmad, online, in_person = program
    header, rows = download(login(manager), "attendance")
    assert header == ATTENDANCE_COLUMNS
    hours = {}
    for row in rows:
        if row["student_id"] == str(amina.pk):
            hours.setdefault(row["hour_type"], []).append(row["hours"])
    assert hours == {
        "live_virtual": ["2.00"] * 3,
        "in_person": ["1.50"] * 2,
        "proxy": ["1.00"],
    }
    (proxy,) = [row for row in rows if row["hour_type"] == "proxy"]
    assert proxy["proxy_model"] == "teacher_verification" and proxy["class_id"] == ""
    assert proxy["service_date"] == timezone.localdate().isoformat()
    modes = {row["class_id"]: row["class_mode"] for row in rows if row["class_id"]}
    assert modes == {str(online.pk): "online", str(in_person.pk): "in_person"}
    assert [row["service_date"] for row in rows] == sorted(row["service_date"] for row in rows)


def test_a_student_appears_with_intake_codes_and_period_dates(login, manager, program):
    amina, ahmad, online, _in_person = program
    header, rows = download(login(manager), "students")
    assert header == STUDENT_COLUMNS
    by_student = {row["student_id"]: row for row in rows}
    amina_row = by_student[str(amina.pk)]
    first_day = timezone.localtime(online.sessions.order_by("starts_at")[0].starts_at).date()
    assert amina_row["period_entry_date"] == first_day.isoformat()
    assert amina_row["period_exit_date"] == ""
    assert amina_row["name"] == "Amina Yusuf"
    assert (amina_row["period_hours"], amina_row["period_proxy_hours"]) == ("10.00", "1.00")
    assert (amina_row["participant"], amina_row["entering_nrs_level"]) == ("no", "2")
    assert (amina_row["date_of_birth"], amina_row["date_of_birth_status"]) == (
        "1990-05-01",
        "given",
    )
    assert (amina_row["sex"], amina_row["ethnicity"], amina_row["race"]) == (
        "female",
        "declined",
        "asian;white",
    )
    assert (amina_row["program_type"], amina_row["barriers"]) == ("ela", "low_income")
    assert amina_row["employment"] == "unknown"


def test_a_student_without_intake_is_unknown_everywhere(login, manager, program):
    _amina, ahmad, _online, _in_person = program
    _header, rows = download(login(manager), "students")
    (ahmad_row,) = [row for row in rows if row["student_id"] == str(ahmad.pk)]
    for column in STUDENT_COLUMNS[6:10] + STUDENT_COLUMNS[16:]:
        assert ahmad_row[column] == "unknown", column
    assert ahmad_row["date_of_birth"] == "" and ahmad_row["entering_nrs_level"] == ""
    assert ahmad_row["period_hours"] == "2.00"


def test_tests_carry_instrument_form_score_level_and_phase(login, manager, program):
    amina, *_rest = program
    header, rows = download(login(manager), "tests")
    assert header == TEST_COLUMNS
    (test,) = rows
    assert (test["student_id"], test["instrument"], test["form"]) == (
        str(amina.pk),
        "casas_reading",
        "81R",
    )
    assert (test["scale_score"], test["nrs_level"], test["phase"]) == ("185", "2", "pre")


def test_the_zip_holds_the_three_files_and_the_layout(login, manager, program):
    amina, ahmad, *_rest = program
    response = login(manager).get("/records/nrs/interchange.zip?year=2026")
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert sorted(archive.namelist()) == [
        "README.txt",
        "harbor-interchange-attendance-2026-27.csv",
        "harbor-interchange-students-2026-27.csv",
        "harbor-interchange-tests-2026-27.csv",
    ]
    readme = archive.read("README.txt").decode()
    assert "hour_type (code): in_person, live_virtual, proxy" in readme
    students = rows_of(archive.read("harbor-interchange-students-2026-27.csv"))
    assert {row["student_id"] for row in students} == {str(amina.pk), str(ahmad.pk)}
    intake = AccessAuditEntry.objects.get(action=AuditAction.VIEW_INTAKE)
    assert intake.student_ids == sorted([amina.pk, ahmad.pk])
    export = AccessAuditEntry.objects.get(action=AuditAction.EXPORT)
    assert export.row_count == 2 + 7 + 1  # students, attendance rows, tests


def test_each_file_is_audited_and_the_students_file_as_intake_opened(login, manager, program):
    amina, ahmad, *_rest = program
    client = login(manager)
    download(client, "tests")
    entry = AccessAuditEntry.objects.get()
    assert (entry.action, entry.student_ids, entry.row_count) == ("export", [amina.pk], 1)
    download(client, "students")
    intake = AccessAuditEntry.objects.get(action=AuditAction.VIEW_INTAKE)
    assert intake.target == "/records/nrs/interchange/students.csv?year=2026"
    assert intake.student_ids == sorted([amina.pk, ahmad.pk])


def test_non_managers_are_refused_and_a_bad_year_is_a_400(login, manager, classroom, client):
    _cohort, teacher, amina, _ahmad = classroom
    paths = [f"/records/nrs/interchange/{name}.csv" for name in FILES]
    paths.append("/records/nrs/interchange.zip")
    for user in (teacher, amina):
        login(user)
        for path in paths:
            assert client.get(path).status_code == 403, path
        client.logout()
    login(manager)
    for path in paths:
        for bad in ("1999", "x", "٢٠٢٦"):
            assert client.get(f"{path}?year={bad}").status_code == 400, (path, bad)
    assert not AccessAuditEntry.objects.exists()


def test_the_dashboard_links_the_nrs_downloads_for_managers_only(login, manager, classroom):
    _cohort, teacher, _amina, _ahmad = classroom
    client = login(manager)
    dashboard = client.get("/records/").content.decode()
    year = timezone.localdate().year if timezone.localdate().month >= 7 else None
    year = year or timezone.localdate().year - 1
    assert f'href="/records/nrs/interchange.zip?year={year}"' in dashboard
    assert f'href="/records/nrs/?year={year}"' in dashboard
    client.logout()
    assert "interchange" not in login(teacher).get("/records/").content.decode()
