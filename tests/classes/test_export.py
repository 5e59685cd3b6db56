import csv
import io

from classes.attendance import Mark, take_attendance
from classes.records.exports.attendance import COLUMNS


def test_the_export_is_utf8_with_bom_one_row_per_student_per_session(
    login, a_class, enrolled, teacher
):
    amina = enrolled(display_name="أمينة يوسف")
    ahmad = enrolled(display_name="=Ahmad")
    first, second = a_class.sessions.all()[:2]
    take_attendance(first, {amina.pk: Mark("present", 120), ahmad.pk: Mark("late", 75)}, by=teacher)
    take_attendance(
        second, {amina.pk: Mark("absent", 0), ahmad.pk: Mark("present", 120)}, by=teacher
    )
    response = login(teacher).get(f"/classes/{a_class.pk}/attendance.csv")
    data = b"".join(response.streaming_content)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == 4
    first_row = rows[0]
    assert first_row["session_date"] == "2026-09-07" and first_row["session_start"] == "18:00"
    assert first_row["level"] == "Level 2 · Beginning" and first_row["nrs_level"] == "2"
    assert {(r["student"], r["status"], r["minutes"]) for r in rows[:2]} == {
        ("أمينة يوسف", "present", "120"),
        ("'=Ahmad", "late", "75"),
    }
    assert rows[0]["recorded_by"] == teacher.username
    assert rows[0]["session_id"] == str(first.pk)
