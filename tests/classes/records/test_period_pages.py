"""Periods of participation on the student's record and the printed record."""

from datetime import date

import pytest

from classes.attendance import Mark, take_attendance
from classes.enrollment import enroll
from packets.demo import ensure_levels
from tests import factories
from tests.factories import open_class


@pytest.fixture
def returning(classroom):
    """Amina: 3 × 2 hours in spring 2025 (exited 10 March 2025), then 2 hours
    in the classroom's first session (7 September 2026), with a gain in spring."""
    cohort, teacher, amina, _ahmad = classroom
    spring = open_class(
        ensure_levels()["level-2"],
        [teacher],
        name="Spring 2025",
        term_start=date(2025, 3, 3),
        term_end=date(2025, 6, 13),
    )
    enroll(amina, spring)
    for session in spring.sessions.order_by("starts_at")[:3]:
        take_attendance(session, {amina.pk: Mark("present", 120)}, by=teacher)
    first = cohort.sessions.order_by("starts_at")[0]
    take_attendance(first, {amina.pk: Mark("present", 120)}, by=teacher)
    factories.set_minimum_hours("best_plus", 0)  # periods here; test rules: test_catalog_rules
    for phase, day, level in (("pre", date(2025, 3, 3), 2), ("post", date(2025, 3, 10), 3)):
        factories.record_test(
            amina, by=teacher, test="best_plus", taken_on=day, phase=phase, level=level
        )
    return amina, teacher


def period_rows(page):
    section = page.split("Periods of participation</h2>", 1)[1]
    return section.split("</tbody>", 1)[0].split("<tr>")[2:]


def test_the_student_record_lists_each_period_with_exit_hours_and_gain(login, manager, returning):
    amina, _teacher = returning
    page = login(manager).get(f"/records/students/{amina.pk}/").content.decode()
    newest, oldest = period_rows(page)
    assert "Sept. 7, 2026" in newest and ">2.0<" in newest
    assert "March 3, 2025" in oldest and "March 10, 2025" in oldest and ">6.0<" in oldest
    assert "reportable individual" in oldest  # 6 hours: not a participant
    assert oldest.count('class="yes"') == 1  # the gain, and no participant


def test_the_printed_record_shows_the_periods_in_the_chosen_period(login, manager, returning):
    amina, _teacher = returning
    url = f"/records/students/{amina.pk}/participation/"
    page = login(manager).get(url).content.decode()
    assert len(period_rows(page)) == 2
    page = login(manager).get(url + "?start=2026-09-01&end=2026-12-31").content.decode()
    (only,) = period_rows(page)
    assert "Sept. 7, 2026" in only


def test_a_teacher_sees_the_periods_their_own_classes_make(login, returning):
    amina, teacher = returning
    page = login(teacher).get(f"/records/students/{amina.pk}/").content.decode()
    assert len(period_rows(page)) == 2 and "Computed from the classes you teach" in page
