"""NRS Tables 1, 2, 3 and 6 from hand-made participants: each counted once."""

from datetime import date
from types import SimpleNamespace

from classes.records.nrs.demographics import table_1, table_2, table_3, table_6

START = date(2026, 9, 7)


def person(level=None, born=None, sex="", ethnicity="", races=(), entry=None):
    profile = SimpleNamespace(
        date_of_birth=born, sex=sex, ethnicity=ethnicity, races=list(races), races_declined=False
    )
    first = SimpleNamespace(period=SimpleNamespace(start=START))
    return SimpleNamespace(entering_level=level, profile=profile, entry=entry, first=first)


def entry(**fields):
    values = {"program_type": "", "employment": "", "schooling": "", "schooled_in": ""}
    return SimpleNamespace(**{**values, "barriers": [], **fields})


PEOPLE = [
    person(2, date(1990, 1, 1), "female", "not_hispanic", ["asian"]),
    person(2, date(2000, 1, 1), "male", "hispanic", ["white"]),
    person(3, date(1960, 1, 1), "female", "not_hispanic", ["black", "white"]),
    person(None),  # no pre-test, nothing answered
]


def cell(table, row, column):
    columns = [key for key, _label in table.columns]
    values = next(values for key, _label, values in table.rows if key == row)
    return values[columns.index(column)]


def test_table_1_counts_each_participant_by_entering_level_group_and_sex():
    table = table_1(PEOPLE)
    assert cell(table, 2, "asian/female") == 1
    assert cell(table, 2, "hispanic/male") == 1  # Hispanic of any race
    assert cell(table, 3, "more_than_one/female") == 1
    assert cell(table, "not_reported", "not_reported/not_reported") == 1
    assert cell(table, 2, "total") == 2
    assert cell(table, "total", "total") == 4


def test_table_2_counts_by_age_on_the_period_s_first_day():
    table = table_2(PEOPLE)
    assert cell(table, "25-44", "asian/female") == 1  # 36
    assert cell(table, "25-44", "hispanic/male") == 1  # 26
    assert cell(table, "60+", "more_than_one/female") == 1  # 66
    assert cell(table, "not_reported", "total") == 1
    assert cell(table, "total", "total") == 4


def test_table_3_counts_by_program_type_and_age():
    people = [
        person(2, date(1990, 1, 1), entry=entry(program_type="ielce")),
        person(2, date(2008, 9, 7), entry=entry(program_type="ela")),  # 18 on the day
        person(2, date(1990, 1, 1)),
    ]
    table = table_3(people)
    assert cell(table, "ielce", "25-44") == 1
    assert cell(table, "ela", "16-18") == 1
    assert cell(table, "not_reported", "25-44") == 1
    assert cell(table, "total", "total") == 3


def test_table_6_counts_status_at_entry_and_each_barrier_named():
    people = [
        person(
            entry=entry(
                employment="unemployed",
                schooling="grades_9_12",
                schooled_in="abroad",
                barriers=["english_learner", "low_income"],
            )
        ),
        person(
            entry=entry(
                employment="employed",
                schooling="grades_9_12",
                schooled_in="us",
                barriers=["english_learner"],
            )
        ),
        person(),
    ]
    people.append(person(entry=entry(employment="declined", schooling="declined")))
    employment, schooling, barriers = table_6(people)
    assert cell(employment, "unemployed", "count") == 1
    assert cell(employment, "not_reported", "count") == 2  # one declined, one not asked
    assert "declined" not in [key for key, _label, _values in employment.rows]
    assert cell(schooling, "grades_9_12", "abroad") == 1
    assert cell(schooling, "grades_9_12", "us") == 1
    assert cell(schooling, "grades_9_12", "total") == 2
    assert cell(barriers, "english_learner", "count") == 2
    assert cell(barriers, "low_income", "count") == 1
    assert cell(barriers, "homeless", "count") == 0


def test_the_year_counts_a_participant_once_and_a_student_under_12_hours_apart(
    classroom, manager, django_assert_num_queries
):
    from classes.attendance import Mark, take_attendance
    from classes.intake.services import save_entry, save_profile
    from classes.records.nrs.people import year_people
    from classes.records.rules import ProgramYear
    from learning.models import User
    from tests.factories import record_test

    cohort, teacher, amina, ahmad = classroom
    sessions = list(cohort.sessions.order_by("starts_at")[:6])
    for session in sessions:  # Amina: 6 × 2 hours = 12; Ahmad: 2 hours
        marks = {amina.pk: Mark("present", 120)}
        if session == sessions[0]:
            marks[ahmad.pk] = Mark("present", 120)
        take_attendance(session, marks, by=teacher)
    start = sessions[0].starts_at.date()
    record_test(amina, by=teacher, test="best_plus", taken_on=start, phase="pre", level=2)
    save_profile(
        amina, {"sex": "female", "ethnicity": "not_hispanic", "races": ["asian"]}, by=manager
    )
    save_entry(amina, start, {"program_type": "ielce"}, by=manager)
    year = ProgramYear(date(2026, 7, 1), date(2027, 6, 30))
    students = User.objects.filter(pk__in=[amina.pk, ahmad.pk]).values("pk")
    with django_assert_num_queries(9):  # one more for clock time (proxy hours)
        people = year_people(year, students, today=date(2026, 12, 4))
    assert [p.student_id for p in people.participants] == [amina.pk]
    assert people.reportable_individuals == [ahmad.pk]
    (amina_row,) = people.participants
    assert (amina_row.entering_level, amina_row.entry.program_type) == (2, "ielce")
    assert cell(table_1(people.participants), 2, "asian/female") == 1
    assert cell(table_3(people.participants), "ielce", "total") == 1


def test_a_manager_reads_the_tables_of_a_program_year_from_the_dashboard(login, manager, classroom):
    client = login(manager)
    dashboard = client.get("/records/").content.decode()
    assert 'href="/records/nrs/"' in dashboard
    page = client.get("/records/nrs/?year=2026").content.decode()
    assert "NRS tables, program year 2026–27" in page
    for number in (
        "Table 1:",
        "Table 2:",
        "Table 3:",
        "Table 4:",
        "Table 4B:",
        "Table 4C:",
        "Table 6:",
    ):
        assert number in page


def test_the_tables_refuse_teachers_students_and_a_bad_year(login, manager, classroom):
    _cohort, teacher, amina, _ahmad = classroom
    client = login(teacher)
    assert client.get("/records/nrs/").status_code == 403
    client.logout()
    client = login(manager)
    for bad in ("1999", "3000", "twenty", "2026.5", "-1", "²", "٢٠٢٦", "02026"):
        assert client.get(f"/records/nrs/?year={bad}").status_code == 400, bad
    client.logout()
    assert login(amina).get("/records/nrs/").status_code == 403


def test_a_snapshot_keeps_the_figures_as_submitted_while_the_live_tables_move_on(
    login, manager, classroom
):
    from classes.attendance import Mark, take_attendance
    from classes.models import NrsSnapshot

    cohort, teacher, amina, _ahmad = classroom
    sessions = list(cohort.sessions.order_by("starts_at")[:7])
    for session in sessions[:6]:
        take_attendance(session, {amina.pk: Mark("present", 120)}, by=teacher)
    client = login(manager)
    response = client.post("/records/nrs/snapshots/", {"year": "2026", "note": "Sent to LACES"})
    snapshot = NrsSnapshot.objects.get()
    assert response["Location"] == f"/records/nrs/snapshots/{snapshot.pk}/"
    take_attendance(sessions[6], {_ahmad.pk: Mark("present", 120)}, by=teacher)
    frozen = client.get(response["Location"]).content.decode()
    assert "1 participant (" in frozen and "0 reportable individuals" in frozen
    assert "Sent to LACES" in frozen and "Table 4C:" in frozen
    live = client.get("/records/nrs/?year=2026").content.decode()
    assert "1 reportable individual (" in live  # Ahmad's 2 hours, after the snapshot
    assert f'href="/records/nrs/snapshots/{snapshot.pk}/"' in live


def test_snapshots_refuse_teachers_a_bad_year_and_cannot_be_changed(login, manager, classroom):
    import pytest
    from django.core.exceptions import PermissionDenied

    from classes.models import NrsSnapshot

    _cohort, teacher, _amina, _ahmad = classroom
    client = login(teacher)
    assert client.post("/records/nrs/snapshots/", {"year": "2026"}).status_code == 403
    client.logout()
    client = login(manager)
    for bad in ({"year": "1999"}, {"year": ""}, {}, {"year": "2026", "note": "x" * 201}):
        assert client.post("/records/nrs/snapshots/", bad).status_code == 400, bad
    assert client.get("/records/nrs/snapshots/999/").status_code == 404
    client.post("/records/nrs/snapshots/", {"year": "2026"})
    snapshot = NrsSnapshot.objects.get()
    with pytest.raises(PermissionDenied):
        snapshot.save()
    with pytest.raises(PermissionDenied):
        snapshot.delete()
