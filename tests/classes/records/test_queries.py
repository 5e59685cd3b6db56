"""The records pages cost the same number of SQL queries however many levels,
classes and students they cover: the figures are aggregated in the database."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from classes.attendance import Mark, take_attendance
from classes.enrollment import enroll
from learning.roles import Role
from packets.levels import NRSLevel
from tests import factories
from tests.classes.records.conftest import at, feedback_after, practise, publish_week
from tests.factories import hand_in_version

RANGE = "?start=2026-09-01&end=2026-12-31"


@pytest.fixture
def grow(make_level, make_cohort, make_user, teacher, manager):
    """grow(levels, classes, students) adds levels, each with classes of students
    who attended, handed in work, got feedback, practised and took tests;
    grow(0, classes, students, level=(level, packet, assignment)) adds classes to
    a level made before. Returns [(level, packet, assignment, class, students)]."""
    numbers = iter(range(1, 100))
    factories.set_minimum_hours("casas_reading", 0)  # queries here, not the test rules

    def new_level():
        n = next(numbers)
        level = make_level(slug=f"lv-{n}", title=f"Level {n}", nrs=NRSLevel((n - 1) % 6 + 1))
        packet, work = publish_week(level, f"P{n}", [(f"a{n}", date(2026, 9, 30), 10, True)])
        return level, packet, work[f"a{n}"]

    def active_student(cohort, packet, assignment):
        student = make_user(Role.STUDENT)
        enroll(student, cohort)
        version = hand_in_version(student, assignment, now=at(date(2026, 9, 29)))
        feedback_after(version, teacher, 5, score=7)
        practise(student, packet, 2, at(date(2026, 10, 2)))
        for phase, day, nrs in (("pre", date(2026, 9, 8), 2), ("post", date(2026, 10, 20), 3)):
            factories.record_test(
                student, by=manager, test="casas_reading", taken_on=day, phase=phase, level=nrs
            )
        return student

    def add(levels, classes, students, level=None):
        made = []
        for level_parts in [level] if level else [new_level() for _ in range(levels)]:
            for _ in range(classes):
                cohort = make_cohort(
                    name=f"C{next(numbers)}", level=level_parts[0], teachers=[teacher]
                )
                people = [active_student(cohort, *level_parts[1:]) for _ in range(students)]
                for session in cohort.sessions.order_by("starts_at")[:2]:
                    marks = {s.pk: Mark("present", 120) for s in people}
                    take_attendance(session, marks, by=teacher)
                made.append((*level_parts, cohort, people))
        return made

    return add


@pytest.mark.parametrize("who", ["manager", "teacher"])
def test_the_dashboard_takes_the_same_queries_for_more_levels_classes_and_students(
    client, grow, manager, teacher, who, django_assert_num_queries
):
    client.force_login({"manager": manager, "teacher": teacher}[who])
    grow(1, 1, 2)
    with CaptureQueriesContext(connection) as small:
        assert client.get(f"/records/{RANGE}").status_code == 200
    grow(3, 2, 4)
    with django_assert_num_queries(len(small)):
        page = client.get(f"/records/{RANGE}").content.decode()
    # Four levels with classes; managers also see the fixtures' level without any.
    assert "Level 5" in page and page.count('class="nrs"') == (5 if who == "manager" else 4)


def test_the_drill_down_pages_take_the_same_queries_for_more_classes_and_students(
    client, grow, manager, django_assert_num_queries
):
    client.force_login(manager)
    ((level, packet, assignment, cohort, students),) = grow(1, 1, 2)
    urls = [
        f"/records/levels/{level.pk}/{RANGE}",
        f"/records/classes/{cohort.pk}/{RANGE}",
        f"/records/students/{students[0].pk}/",
        f"/records/students/{students[0].pk}/participation/",
    ]
    # The student pages load periods of participation in three more queries
    # (attendance, enrollments, sessions; the printed record a fourth, its test
    # results): constant, so these counts are still measured, not written down.
    counts = {}
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts[url] = len(captured)
    # More classes at the level; more students in the class; the student in more classes.
    for _level, _packet, _assignment, other, people in grow(0, 3, 4, (level, packet, assignment)):
        for student in people:
            enroll(student, cohort)
        enroll(students[0], other)
    for session in cohort.sessions.order_by("starts_at")[2:6]:
        take_attendance(session, {students[0].pk: Mark("late", 90)}, by=cohort.teachers.get())
    for url in urls:
        with django_assert_num_queries(counts[url]):
            assert client.get(url).status_code == 200


def proxy_cells(page):
    row = re.search(r'<th scope="row">Proxy hours</th>(.*?)</tr>', page, re.S).group(1)
    return re.findall(r"<td[^>]*>([^<]*)</td>", row)


def test_proxy_hours_and_nrs_tables_take_the_same_queries_for_twice_the_students(
    client, grow, manager, django_assert_num_queries
):
    """Each student of `grow` has a piece of work a teacher returned: 1 proxy hour."""
    client.force_login(manager)
    ((level, packet, assignment, _cohort, _students),) = grow(1, 1, 3)
    urls = [f"/records/{RANGE}", "/records/nrs/?year=2026"]
    counts = {}
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts[url] = len(captured)
    assert proxy_cells(page_of(client, urls[0]))[-1] == "3.0"
    grow(0, 1, 3, (level, packet, assignment))  # twice the students, in another class
    for url in urls:
        with django_assert_num_queries(counts[url]):
            assert client.get(url).status_code == 200
    assert proxy_cells(page_of(client, urls[0]))[-1] == "6.0"


def page_of(client, url):
    return client.get(url).content.decode()
