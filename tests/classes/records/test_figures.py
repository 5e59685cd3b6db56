"""Every dashboard figure against the hand-worked program in conftest.py."""

from decimal import Decimal

import pytest

from classes.models import Class
from classes.records.attendance_figures import weekly_attendance
from classes.records.figures import (
    class_columns,
    classes_in_period,
    figures,
    level_columns,
    load_records,
    total_figures,
)
from tests.classes.records.conftest import PERIOD


def data_for(classes=None):
    return load_records(classes_in_period(classes or Class.objects.all(), PERIOD), PERIOD)


@pytest.fixture
def columns(program):
    data = data_for()
    by_level = {c.label: c.figures for c in level_columns(data, program.levels)}
    return by_level["Level A"], by_level["Level B"], by_level["Level C"], total_figures(data)


def test_active_students_leave_out_those_withdrawn_before_the_period(columns):
    level_a, level_b, level_c, total = columns
    # amina, ahmad (two classes, counted once), gul (left during it), jean; not carlos.
    assert level_a.active_students == 4
    assert level_b.active_students == 2  # oksana, jean
    assert level_c.active_students == 0
    assert total.active_students == 5  # jean is at two levels, counted once


def test_classes_per_level_include_a_level_without_any(columns):
    assert [f.classes for f in columns] == [2, 1, 0, 3]


def test_attendance_rate_counts_late_as_attended_and_leaves_out_excused_and_cancelled(columns):
    level_a, level_b, level_c, total = columns
    # A1: 11 attended, 2 absent (amina s4, gul s1); gul's excused record is left out;
    # the cancelled session and the November one are not counted. A2: 6 attended.
    assert (level_a.attended, level_a.missed) == (17, 2)
    assert level_a.attendance_rate == pytest.approx(100 * 17 / 19)
    assert level_b.attendance_rate == 100
    assert level_c.attendance_rate is None
    assert total.attendance_rate == pytest.approx(100 * 26 / 28)


def test_contact_hours_are_minutes_attended_in_held_sessions(columns):
    level_a, level_b, level_c, total = columns
    # A1: amina 450 (a late 90), ahmad 600, gul 240; A2: ahmad 360, jean 300.
    assert level_a.contact_hours == Decimal("32.50")
    assert level_b.contact_hours == Decimal("18.00")
    assert level_c.contact_hours == Decimal("0.00")
    assert total.contact_hours == Decimal("50.50")


def test_median_hours_add_up_a_students_classes_at_the_level(columns):
    level_a, level_b, level_c, total = columns
    # Level A: gul 4, jean 5, amina 7.5, ahmad 10 + 6 = 16.
    assert level_a.median_hours == Decimal("6.25")
    assert level_b.median_hours == Decimal("9.00")  # jean 4, oksana 14
    assert level_c.median_hours is None
    assert total.median_hours == Decimal("9.00")  # 4, 7.5, 9 (jean 5 + 4), 14, 16


def test_participants_reach_twelve_hours_at_the_level(columns):
    level_a, level_b, level_c, total = columns
    assert level_a.participants == 1  # ahmad: 10 h in A1 and 6 h in A2
    assert level_b.participants == 1  # oksana: 14 h
    assert (level_c.participants, total.participants) == (0, 2)


def test_completion_counts_work_expected_while_enrolled(columns):
    level_a, level_b, _level_c, total = columns
    # Level A, live assignments due in the period: asg1 (20 Sep), asg2 (10 Oct).
    # Expected: amina 2, ahmad 2, jean 2, gul 1 (left 1 Oct) = 7. Handed in:
    # amina 2, ahmad 1 (asg1 a draft), jean 1; gul's asg2 was not expected.
    assert (level_a.handed_in, level_a.expected_work) == (4, 7)
    assert level_a.completion_rate == pytest.approx(100 * 4 / 7)
    assert (level_b.handed_in, level_b.expected_work) == (1, 2)
    assert (total.handed_in, total.expected_work) == (5, 9)


def test_on_time_rate_goes_by_the_first_version(columns):
    level_a, level_b, _level_c, total = columns
    # amina asg1 on time, asg2 late; ahmad on time first (resubmitted late); jean on time.
    assert level_a.on_time_rate == 75
    assert level_b.on_time_rate == 100
    assert total.on_time_rate == 80


def test_average_score_is_a_percent_of_the_assignments_points(columns):
    level_a, level_b, _level_c, total = columns
    assert level_a.average_score == pytest.approx(80)  # 80, 60, 100 (amina's asg2 unscored)
    assert level_b.average_score == pytest.approx(75)  # 15 of 20
    assert total.average_score == pytest.approx(78.75)


def test_median_feedback_time_counts_each_versions_first_feedback(columns):
    level_a, level_b, level_c, total = columns
    assert level_a.median_feedback_hours == pytest.approx(24)  # 2, 24, 48 (not the 100)
    assert level_b.median_feedback_hours == pytest.approx(10)
    assert level_c.median_feedback_hours is None
    assert total.median_feedback_hours == pytest.approx(17)  # 2, 10, 24, 48


def test_flashcards_practised_in_the_levels_packets_by_its_students(columns):
    level_a, level_b, level_c, total = columns
    # amina 3 in the period; ahmad's card was last reviewed in November; carlos
    # is not active; oksana's level-A cards count at neither level.
    assert (level_a.flashcards, level_b.flashcards, level_c.flashcards) == (3, 4, 0)
    assert total.flashcards == 7


def test_post_tests_and_gains_count_participants_only_for_gains(columns):
    level_a, level_b, level_c, total = columns
    # Level A: amina (gain, but 7.5 h), ahmad (gain, participant), jean (no gain).
    assert (level_a.post_tested, level_a.gains, level_a.gains_percent) == (3, 1, 100)
    # Level B: jean and oksana, no gain (oksana's higher post-test is in November).
    assert (level_b.post_tested, level_b.gains, level_b.gains_percent) == (2, 0, 0)
    assert (level_c.post_tested, level_c.gains, level_c.gains_percent) == (0, 0, None)
    assert (total.post_tested, total.gains, total.gains_percent) == (4, 1, 50)


def test_class_columns_count_only_the_classs_own_records(program):
    by_class = {c.label: c.figures for c in class_columns(data_for())}
    a1, a2 = by_class["A1 Mon Wed"], by_class["A2 Tue Thu"]
    assert (a1.active_students, a1.attended, a1.missed) == (3, 11, 2)
    assert a1.contact_hours == Decimal("21.50")
    assert a1.median_hours == Decimal("7.50")  # gul 4, amina 7.5, ahmad 10
    assert a1.participants == 0  # ahmad's 16 h are split over two classes
    assert (a1.handed_in, a1.expected_work) == (2, 5)  # ahmad's work went to A2
    assert (a2.active_students, a2.contact_hours, a2.participants) == (2, Decimal("11.00"), 0)


def test_one_students_column(program):
    data = data_for()
    ahmad = figures(data, {c.pk for c in program.classes}, students={program.ahmad.pk})
    assert (ahmad.active_students, ahmad.contact_hours, ahmad.participants) == (
        1,
        Decimal("16.00"),
        1,
    )
    assert (ahmad.post_tested, ahmad.gains) == (1, 1)


def test_a_teachers_classes_only(program):
    taught = Class.objects.taught_by(program.teacher)
    data = data_for(taught)
    total = total_figures(data)
    assert total.classes == 2
    assert total.active_students == 4  # level A's students; oksana is not theirs


def test_weekly_attendance_has_every_week_of_the_period(program):
    weeks = weekly_attendance(Class.objects.all(), PERIOD)
    assert weeks[0].monday.isoformat() == "2026-09-07"
    assert weeks[-1].monday.isoformat() == "2026-10-26"
    assert len(weeks) == 8
    first = weeks[0]
    # 7 Sep: A1 (3 present), A2 on 8 Sep (2), B1 (2); 9 Sep: A1 (2 + absent), A2 10 Sep, B1.
    assert first.attended == 3 + 2 + 2 + 2 + 2 + 2
    assert first.missed == 1
    assert sum(w.minutes for w in weeks) == 3030
    assert weeks[-1].attended == 0 and weeks[-1].attendance_rate is None
