"""What a manager downloads: the documented header, names intact in any script,
the same values in CSV and XLSX, and the figures each row carries."""

import pytest
from django.utils import timezone

from classes.records.exports.registry import EXPORTS
from tests.classes.records.exports.conftest import TERM, csv_dicts, csv_rows, same_value, xlsx_rows

NAMES = list(EXPORTS)


def url(name, fmt="csv", query=TERM):
    return f"/records/exports/{name}.{fmt}?{query}"


@pytest.mark.parametrize("name", NAMES)
def test_each_csv_has_a_bom_and_the_documented_header(login, manager, program, name):
    response = login(manager).get(url(name))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    header = csv_rows(response)[0]  # csv_rows checks the BOM
    assert tuple(header) == EXPORTS[name].columns


@pytest.mark.parametrize("name", NAMES)
def test_the_xlsx_has_the_same_header_and_values_as_the_csv(login, manager, program, name):
    client = login(manager)
    from_csv = csv_rows(client.get(url(name)))
    response = client.get(url(name, "xlsx"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    from_xlsx = xlsx_rows(response)
    assert from_xlsx[0] == from_csv[0]
    assert len(from_xlsx) == len(from_csv) > 1
    for xlsx_row, csv_row in zip(from_xlsx[1:], from_csv[1:], strict=True):
        assert all(map(same_value, xlsx_row, csv_row)), (xlsx_row, csv_row)


def test_the_file_name_carries_the_export_and_its_period(login, manager, program):
    response = login(manager).get(url("students", "xlsx", f"{TERM}&class={program.evening.pk}"))
    expected = f"harbor-students-2026-09-07-to-2026-12-18-class-{program.evening.pk}.xlsx"
    assert response["Content-Disposition"] == f'attachment; filename="{expected}"'


def test_students_rows_carry_hours_participation_entering_level_and_gain(login, manager, program):
    listed = csv_dicts(login(manager).get(url("students")))
    assert [row["class"] for row in listed] == ["Evening Level 2"] * 2 + ["Morning Level 4"]
    rows = {row["student"]: row for row in listed}
    amina = rows["أمينة يوسف"]
    assert amina["student_id"] == str(program.amina.pk)
    assert amina["username"] == program.amina.username
    assert (amina["class"], amina["level"], amina["nrs_level"]) == (
        "Evening Level 2",
        "Level 2 · Beginning",
        "2",
    )
    today = timezone.localdate().isoformat()  # enroll() stamps the day
    assert (amina["enrolled_on"], amina["ended_on"], amina["status"]) == (
        today,
        "",
        "active",
    )
    assert (amina["contact_hours"], amina["participant"]) == ("14.00", "yes")
    assert (amina["entering_nrs_level"], amina["measurable_skill_gain"]) == ("2", "yes")
    assert (amina["pre_test_on"], amina["post_test_nrs_level"]) == ("2026-09-08", "3")
    ahmad = rows["Ahmad Rahimi"]
    assert (ahmad["contact_hours"], ahmad["participant"]) == ("1.50", "no")
    assert (ahmad["entering_nrs_level"], ahmad["measurable_skill_gain"]) == ("", "no")
    fatima = rows["Fatima Noor"]
    assert (fatima["contact_hours"], fatima["entering_nrs_level"]) == ("4.00", "4")


def test_a_participant_is_counted_on_hours_across_the_classes_exported(
    login, manager, program, join, attend
):
    """Four hours in the morning and ten in the evening make a participant."""
    join(program.evening, student=program.fatima)
    attend(program.evening, [program.fatima], sessions=5, skip=8)
    rows = csv_dicts(login(manager).get(url("students")))
    fatima = [row for row in rows if row["student"] == "Fatima Noor"]
    assert [(r["class"], r["contact_hours"], r["student_contact_hours"]) for r in fatima] == [
        ("Evening Level 2", "10.00", "14.00"),
        ("Morning Level 4", "4.00", "14.00"),
    ]
    assert {row["participant"] for row in fatima} == {"yes"}


def test_attendance_rows_are_one_per_student_per_session(login, manager, program):
    rows = csv_dicts(login(manager).get(url("attendance")))
    assert len(rows) == 7 + 1 + 2
    first = rows[0]
    assert (first["session_date"], first["session_start"], first["session_minutes"]) == (
        "2026-09-07",
        "18:00",
        "120",
    )
    late = next(row for row in rows if row["student"] == "Ahmad Rahimi")
    assert (late["status"], late["minutes"], late["class"]) == ("late", "90", "Evening Level 2")
    assert late["recorded_by"] == program.evening.teachers.get().username
    assert late["recorded_at"].endswith(("-04:00", "-05:00"))  # New York time, with its offset
    dates = [(row["session_date"], row["session_start"]) for row in rows]
    assert dates == sorted(dates)


def test_submission_rows_carry_packet_versions_score_and_feedback(login, manager, program):
    (row,) = csv_dicts(login(manager).get(url("submissions")))
    assert row["submission_id"] == str(program.work.pk)
    assert (row["student"], row["class"], row["nrs_level"]) == (
        "أمينة يوسف",
        "Evening Level 2",
        "2",
    )
    assert (row["packet"], row["assignment"], row["kind"]) == (
        "Week 3: At the clinic",
        "Call the clinic",
        "written",
    )
    assert (row["due_date"], row["points"], row["status"], row["late"]) == (
        "2026-09-18",
        "10",
        "returned",
        "no",
    )
    assert row["first_submitted_at"].startswith("2026-09-17T12:00:00")
    assert (row["versions"], row["score"]) == ("2", "9.00")
    assert (row["feedback_count"], row["feedback_status"]) == ("1", "returned")
    assert row["first_feedback_at"] != ""


def test_assessment_rows_are_one_per_test_in_date_order(login, manager, program):
    rows = csv_dicts(login(manager).get(url("assessments")))
    assert [(r["student"], r["phase"], r["nrs_level"], r["taken_on"]) for r in rows] == [
        ("أمينة يوسف", "pre", "2", "2026-09-08"),
        ("Fatima Noor", "pre", "4", "2026-09-09"),
        ("أمينة يوسف", "post", "3", "2026-12-01"),
    ]
    assert (rows[0]["test"], rows[0]["form"], rows[0]["scale_score"]) == (
        "casas_reading",
        "27R",
        "190",
    )


def test_text_a_spreadsheet_would_run_as_a_formula_is_neutralized(login, manager, program):
    program.ahmad.display_name = '=HYPERLINK("http://evil.example")'
    program.ahmad.save()
    client = login(manager)
    names = [row["student"] for row in csv_dicts(client.get(url("students")))]
    assert '\'=HYPERLINK("http://evil.example")' in names
    cells = [row[1] for row in xlsx_rows(client.get(url("students", "xlsx")))]
    assert '\'=HYPERLINK("http://evil.example")' in cells
