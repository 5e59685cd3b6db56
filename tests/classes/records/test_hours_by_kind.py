"""Hours of three kinds, side by side: a student with 2 hours in person, 3 hours
live online and 1 proxy hour (a piece of work a teacher returned) shows 2 / 3 / 1
(6 in all) on the dashboard, on the class pages and in the students export."""

import re
from datetime import date

import pytest

from classes.attendance import Mark, take_attendance
from classes.enrollment import enroll
from classes.records.filters import Period
from classes.records.hours import proxy_minutes_by_class
from classes.records.period_data import periods_of_student
from classes.records.rules import nrs_rules
from learning.roles import Role
from packets.levels import NRSLevel
from tests.classes.records.conftest import at, feedback_after, publish_week
from tests.classes.records.exports.conftest import csv_dicts
from tests.factories import hand_in_version

RANGE = "?start=2026-09-01&end=2026-12-31"


@pytest.fixture
def mixed(make_level, make_cohort, make_user, teacher):
    """Amina: 120 minutes in an in-person class at level A; 120 + 60 minutes in an
    online class at level B, where a teacher returned her written work."""
    level_a = make_level(slug="level-a", title="Level A", nrs=NRSLevel.LOW_BEGINNING)
    level_b = make_level(slug="level-b", title="Level B", nrs=NRSLevel.LOW_INTERMEDIATE)
    in_person = make_cohort(
        name="A in person", level=level_a, teachers=[teacher], mode="in_person", address="1 Elm"
    )
    online = make_cohort(name="B online", level=level_b, teachers=[teacher], mode="online")
    _packet, work = publish_week(level_b, "Week 1", [("letter", date(2026, 9, 30), 10, True)])
    amina = make_user(Role.STUDENT, display_name="Amina", username="amina")
    enroll(amina, in_person)
    enroll(amina, online)
    sessions = in_person.sessions.order_by("starts_at")
    take_attendance(sessions[0], {amina.pk: Mark("present", 120)}, by=teacher)
    sessions = online.sessions.order_by("starts_at")
    take_attendance(sessions[0], {amina.pk: Mark("present", 120)}, by=teacher)
    take_attendance(sessions[1], {amina.pk: Mark("late", 60)}, by=teacher)
    version = hand_in_version(amina, work["letter"], now=at(date(2026, 9, 29)))
    feedback_after(version, teacher, 5)
    return amina, in_person, online


def figure(page, label):
    """The cells of a figure's row on a records page, as text."""
    row = re.search(rf"<th scope=\"row\">{re.escape(label)}</th>(.*?)</tr>", page, re.S)
    return re.findall(r"<td[^>]*>([^<]*)</td>", row.group(1))


def test_the_dashboard_shows_each_kind_of_hours_per_level_and_in_all(client, manager, mixed):
    client.force_login(manager)
    page = client.get(f"/records/{RANGE}").content.decode()
    # Columns: the fixtures' Level 2 (no class), Level A, Level B, All levels.
    assert figure(page, "In-person hours") == ["0.0", "2.0", "0.0", "2.0"]
    assert figure(page, "Live virtual hours") == ["0.0", "0.0", "3.0", "3.0"]
    assert figure(page, "Proxy hours") == ["0.0", "0.0", "1.0", "1.0"]
    assert figure(page, "All hours") == ["0.0", "2.0", "4.0", "6.0"]
    assert figure(page, "Contact hours") == ["0.0", "2.0", "3.0", "5.0"]  # attended, as before


def test_the_class_page_shows_the_student_s_hours_of_each_kind(client, manager, mixed):
    _amina, _in_person, online = mixed
    client.force_login(manager)
    page = client.get(f"/records/classes/{online.pk}/{RANGE}").content.decode()
    student_row = re.search(r"<bdi>Amina</bdi></a></th>(.*?)</tr>", page, re.S).group(1)
    cells = re.findall(r"<td>([^<]*)</td>", student_row)
    assert cells[1:5] == ["0.0", "3.0", "1.0", "4.0"]  # in person, virtual, proxy, all


def test_the_students_export_has_each_kind_of_hours_per_class(client, manager, mixed):
    client.force_login(manager)
    rows = csv_dicts(client.get(f"/records/exports/students.csv{RANGE}"))
    hours = {
        row["class"]: (
            row["in_person_hours"],
            row["live_virtual_hours"],
            row["proxy_hours"],
            row["total_hours"],
        )
        for row in rows
    }
    assert hours == {
        "A in person": ("2.00", "0.00", "0.00", "2.00"),
        "B online": ("0.00", "3.00", "1.00", "4.00"),
    }


def test_the_student_s_record_lists_hours_of_each_kind_and_the_work_behind_proxy_hours(
    client, manager, mixed
):
    amina, _in_person, online = mixed
    client.force_login(manager)
    page = client.get(f"/records/students/{amina.pk}/").content.decode()
    assert "letter" in page.split('id="proxy-hours"')[1]  # the work that earned the hour
    printed = client.get(f"/records/students/{amina.pk}/participation/").content.decode()
    assert figure(printed, "B online")[-4:] == ["0.0", "3.0", "1.0", "4.0"]


def test_proxy_hours_outside_the_period_or_the_classes_are_left_out(mixed):
    amina, in_person, online = mixed
    classes = type(online).objects.filter(pk__in=[in_person.pk, online.pk])
    september = Period(date(2026, 9, 1), date(2026, 9, 30))
    assert proxy_minutes_by_class([amina.pk], classes, september) == {online.pk: {amina.pk: 60}}
    october = Period(date(2026, 10, 1), date(2026, 10, 31))
    assert proxy_minutes_by_class([amina.pk], classes, october) == {}
    only_in_person = classes.filter(pk=in_person.pk)
    assert proxy_minutes_by_class([amina.pk], only_in_person) == {}


def test_the_teacher_s_class_roster_shows_proxy_hours_beside_contact_hours(client, teacher, mixed):
    amina, in_person, online = mixed
    client.force_login(teacher)
    online_page = client.get(f"/classes/{online.pk}/").content.decode()
    assert "3.00 contact hours · 1.00 proxy hours" in online_page
    # The work was handed in to the online class: no proxy hours in the other one.
    in_person_page = client.get(f"/classes/{in_person.pk}/").content.decode()
    assert "2.00 contact hours" in in_person_page
    assert "proxy hours" not in in_person_page


def test_live_virtual_hours_are_distance_hours_only_where_the_state_says_so(mixed, settings):
    """Amina's period: 2 hours in person, 3 live virtual, 1 proxy. Proxy hours
    alone are 1 of 6; with live virtual hours 4 of 6, the majority."""
    amina, _in_person, _online = mixed
    (period,) = periods_of_student(amina, today=date(2026, 10, 1))
    assert not period.is_distance_learner(nrs_rules())
    settings.HARBOR_NRS_RULES = {
        **settings.HARBOR_NRS_RULES,
        "distance_includes_live_virtual": True,
    }
    assert period.is_distance_learner(nrs_rules())
