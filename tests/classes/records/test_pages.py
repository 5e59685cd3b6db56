"""The records pages: who may open them, what they show, bad filter input, RTL."""

from datetime import date

import pytest

from classes.attendance import Mark, take_attendance
from classes.models import AccessAuditEntry, AuditAction
from learning.roles import Role
from tests.pages import page_scripts


@pytest.fixture
def school(classroom, make_class, make_user):
    """The root classroom (teacher, Amina, Ahmad, level 2) with a roll taken, and
    another teacher's class with a student of its own."""
    cohort, teacher, amina, ahmad = classroom
    take_attendance(
        cohort.sessions.order_by("starts_at")[0],
        {amina.pk: Mark("present", 120), ahmad.pk: Mark("late", 60)},
        by=teacher,
    )
    other_teacher = make_user(Role.TEACHER)
    stranger = make_user(Role.STUDENT, display_name="Zainab Stranger")
    other = make_class(teacher=other_teacher, students=[stranger], name="Other class")
    return cohort, teacher, amina, ahmad, other, stranger


def urls(cohort, student):
    level = cohort.level_id
    return [
        "/records/",
        f"/records/levels/{level}/",
        f"/records/classes/{cohort.pk}/",
        f"/records/students/{student.pk}/",
        f"/records/students/{student.pk}/participation/",
        f"/records/students/{student.pk}/assessments/new/",
        "/records/audit/",
    ]


def test_anonymous_visitors_are_sent_to_sign_in(client, school):
    cohort, _teacher, amina, *_ = school
    for url in urls(cohort, amina):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/"), url


def test_students_get_nothing_under_records(login, school):
    cohort, _teacher, amina, *_ = school
    client = login(amina)
    for url in urls(cohort, amina):
        assert client.get(url).status_code in (403, 404), url
    post = client.post(
        f"/records/students/{amina.pk}/assessments/new/",
        {"test": "casas_reading", "taken_on": "2026-09-10", "scale_score": "300"},
    )
    assert post.status_code in (403, 404)
    assert not AccessAuditEntry.objects.exists()


def test_managers_open_every_page(login, manager, school):
    cohort, _teacher, amina, *_ = school
    client = login(manager)
    for url in urls(cohort, amina):
        assert client.get(url).status_code == 200, url


def test_a_teacher_sees_their_classes_and_students_only(login, school):
    cohort, teacher, amina, _ahmad, other, stranger = school
    client = login(teacher)
    dashboard = client.get("/records/").content.decode()
    assert "Your classes only." in dashboard
    assert client.get(f"/records/classes/{cohort.pk}/").status_code == 200
    assert client.get(f"/records/students/{amina.pk}/").status_code == 200
    assert client.get(f"/records/classes/{other.pk}/").status_code == 404
    for url in (
        f"/records/students/{stranger.pk}/",
        f"/records/students/{stranger.pk}/participation/",
        f"/records/students/{stranger.pk}/assessments/new/",
    ):
        assert client.get(url).status_code == 404, url
    assert client.get("/records/audit/").status_code == 403
    level_page = client.get(f"/records/levels/{cohort.level_id}/").content.decode()
    assert "Evening English" in level_page and "Other class" not in level_page


def test_a_teacher_keeps_the_record_of_a_withdrawn_student(login, school):
    from classes.enrollment import withdraw
    from classes.models import Enrollment

    cohort, teacher, amina, *_ = school
    withdraw(Enrollment.objects.get(student=amina, cohort=cohort))
    assert login(teacher).get(f"/records/students/{amina.pk}/").status_code == 200


def test_the_dashboard_shows_every_level_and_the_figures(login, manager, school):
    from packets.demo import ensure_levels

    ensure_levels()  # six levels, five of them without a class
    page = login(manager).get("/records/?start=2026-09-01&end=2026-12-31").content.decode()
    for nrs in range(1, 7):
        assert f"NRS level {nrs}" in page
    assert "All levels" in page
    assert "Attendance rate" in page and "Measurable skill gains" in page
    assert "3.0" in page  # contact hours: 120 + 60 minutes
    assert 'role="img"' in page and "<title" in page


def test_the_class_page_lists_its_students_with_their_hours(login, manager, school):
    cohort, _teacher, amina, ahmad, *_ = school
    page = login(manager).get(f"/records/classes/{cohort.pk}/").content.decode()
    assert f'href="/records/students/{amina.pk}/"' in page
    assert "Ahmad Rahimi" in page and "Zainab" not in page
    assert ">2.0<" in page and ">1.0<" in page


def test_the_student_record_shows_history_tests_and_links(login, manager, school):
    from classes.records.assessments import record_assessment

    cohort, _teacher, amina, *_ = school
    record_assessment(
        amina,
        by=manager,
        test="best_plus",
        form="D",
        taken_on=date(2026, 9, 8),
        scale_score=401,
        phase="pre",
    )
    page = login(manager).get(f"/records/students/{amina.pk}/").content.decode()
    assert "Amina Yusuf" in page and "Evening English" in page
    assert "BEST Plus" in page and ">401<" in page
    assert "Present" in page
    assert f"/records/students/{amina.pk}/participation/" in page


def test_the_record_of_participation_prints_hours_levels_and_the_program(login, manager, school):
    _cohort, _teacher, amina, *_ = school
    page = login(manager).get(f"/records/students/{amina.pk}/participation/").content.decode()
    assert "Record of participation" in page
    assert "Harbor" in page  # the site's name, as the program's
    assert "Evening English" in page and "Low Beginning ESL" in page
    assert ">2.0<" in page
    assert 'class="no-print"' in page


def test_every_record_view_writes_an_audit_entry_naming_the_students(login, teacher, school):
    cohort, teacher, amina, ahmad, *_ = school
    client = login(teacher)
    client.get(f"/records/classes/{cohort.pk}/")
    client.get(f"/records/students/{amina.pk}/")
    client.get(f"/records/students/{amina.pk}/participation/?start=2026-09-01")
    entries = list(AccessAuditEntry.objects.order_by("pk"))
    assert [e.action for e in entries] == [
        AuditAction.VIEW_RECORD,
        AuditAction.VIEW_RECORD,
        AuditAction.PRINT_RECORD,
    ]
    assert entries[0].student_ids == sorted([amina.pk, ahmad.pk])
    assert entries[1].student_ids == [amina.pk]
    assert entries[2].target == f"/records/students/{amina.pk}/participation/?start=2026-09-01"
    assert {e.actor for e in entries} == {teacher}


def test_aggregate_pages_write_no_audit_entry(login, manager, school):
    cohort, *_ = school
    client = login(manager)
    client.get("/records/")
    client.get(f"/records/levels/{cohort.level_id}/")
    assert not AccessAuditEntry.objects.exists()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("level=999999", "There is no such level."),
        ("class=999999", "There is no such class, or it is not yours."),
        ("start=2026-12-01&end=2026-09-01", "The end date is before the start date."),
        ("start=2026-13-45", "Enter a date like 2026-09-01."),
        ("end=yesterday", "Enter a date like 2026-09-01."),
        ("level=abc", "There is no such level."),
    ],
)
def test_bad_filter_input_gets_a_message_and_the_default_period(
    login, manager, school, query, message
):
    client = login(manager)
    default = client.get("/records/").content.decode()
    response = client.get(f"/records/?{query}")
    assert response.status_code == 400  # the page, explained, for a bad request
    page = response.content.decode()
    assert message in page.replace("&#x27;", "'")
    assert "The page shows the default period instead." in page
    period_line = default.split('<p class="period">')[1].split("</p>")[0]
    assert period_line in page


def test_bad_filter_input_on_the_drill_down_pages(login, manager, school):
    cohort, _teacher, amina, *_ = school
    client = login(manager)
    for url in (
        f"/records/levels/{cohort.level_id}/?start=2026-02-30",
        f"/records/classes/{cohort.pk}/?start=2026-12-01&end=2026-01-01",
        f"/records/students/{amina.pk}/participation/?end=soon",
    ):
        response = client.get(url)
        assert response.status_code == 400, url
        assert "Enter a date like" in response.content.decode() or "before the start" in (
            response.content.decode()
        )


def test_unknown_level_class_or_student_is_404(login, manager, school):
    client = login(manager)
    for url in ("/records/levels/999999/", "/records/classes/999999/", "/records/students/999/"):
        assert client.get(url).status_code == 404, url


def test_a_teacher_cannot_filter_on_another_teachers_class(login, school):
    _cohort, teacher, _amina, _ahmad, other, _stranger = school
    page = login(teacher).get(f"/records/?class={other.pk}").content.decode()
    assert "There is no such class, or it is not yours." in page.replace("&#x27;", "'")


def test_the_dashboard_reads_right_to_left_in_arabic(client, make_user, school):
    arabic_manager = make_user(Role.MANAGER, preferred_language="ar")
    client.force_login(arabic_manager)
    page = client.get("/records/?start=2026-09-01&end=2026-12-31").content.decode()
    assert 'dir="rtl"' in page
    assert '<svg class="chart"' in page and 'role="img"' in page and 'direction="rtl"' in page
    assert '<table class="figures">' in page
    assert page.count("<table") >= 3  # the figures, and one beside each chart


def test_the_dashboard_page_has_no_script(login, manager, school):
    page = login(manager).get("/records/").content.decode()
    assert page_scripts(page) == [] and "style=" not in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("end=2001-01-01", "The end date is before the start of the current term"),
        ("start=2099-01-01", "The start date is after the end of the current term"),
    ],
)
def test_one_date_that_does_not_fit_the_default_period_is_named(
    login, manager, school, query, message
):
    response = login(manager).get(f"/records/?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()
