"""A small program whose dashboard figures are worked out by hand (see test_figures.py).

Period: 7 September – 31 October 2026. Levels A (NRS 2) and B (NRS 4) have
classes; level C (NRS 6) has none. Class A1 meets Monday and Wednesday, A2
Tuesday and Thursday (both level A), B1 Monday and Wednesday (level B).

Attendance, minutes by session (P present, L late, X absent, E excused):
  A1  amina   P120 P120 L90 P120 X   | s5 cancelled: P120 | Nov 2: P120
      ahmad   P120 P120 P120 P120 P120 | s5 cancelled: P120 | Nov 2: P120
      gul     P120 X E P120  (withdrawn, ended 1 October)
      carlos  none           (withdrawn, ended 1 September: not active)
  A2  ahmad   P120 P120 P120
      jean    P120 L60 P120
  B1  oksana  P120 ×7
      jean    P120 P120

Submissions and feedback: see `work` below; assessments: see `tests` below.

Work is handed in and feedback given through the real actions (tests/factories.py),
at the times the figures need.
"""

from datetime import date, datetime, time, timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from classes.attendance import Mark, take_attendance
from classes.enrollment import enroll, withdraw
from classes.models import Enrollment, TestInstrument
from classes.records.filters import Period
from classes.schedule import set_cancelled
from classes.submissions.services import save_draft
from learning.roles import Role
from packets.levels import NRSLevel
from packets.models import FlashcardProgress
from tests import factories
from tests.factories import give_feedback, hand_in_version, publish_assignment, publish_packet


@pytest.fixture(autouse=True)
def catalog_of_these_tests(db):
    """The catalog these tests' worlds use: they are set in 2026 and record
    results on the former ESL levels' tests (CASAS Life and Work, BEST Plus 2.0,
    …), whose approvals ended June 30, 2025 (migration 0024). What they check is
    every other rule (forms, tables, hours, pairing, periods, figures), so here
    those tests stay approved with no end, as a program that had not yet
    ended them would have it. The catalog as loaded, sunset included, is
    tested in tests/classes/catalog/ (outside this directory, so without this)."""
    TestInstrument.objects.filter(code__in=factories.FORMER_ESL_TESTS).update(approved_until=None)


PERIOD = Period(date(2026, 9, 7), date(2026, 10, 31))


def at(day, hour=12):
    return datetime.combine(day, time(hour), tzinfo=timezone.get_default_timezone())


def present(minutes=120):
    return Mark("present", minutes)


def roll(class_, index, marks, teacher):
    session = class_.sessions.order_by("starts_at")[index]
    take_attendance(session, marks, by=teacher)
    return session


def publish_week(level, title, assignments):
    """A packet with assignments (name, due, points, live); live ones published."""
    packet = publish_packet(level, title)
    pages = {}
    for name, due, points, live in assignments:
        page = publish_assignment(
            packet, title=name, due_date=due, points=points, publish=live, live=live
        )
        pages[name] = page
    return packet, pages


def feedback_after(version, teacher, after_hours, status="returned", **fields):
    """Feedback on the latest version, `after_hours` after it was handed in."""
    when = version.submitted_at + timedelta(hours=after_hours)
    return give_feedback(teacher, version.submission, status, at=when, **fields)


def practise(student, packet, count, last_review):
    for number in range(count):
        FlashcardProgress.objects.create(
            student=student,
            packet=packet,
            item_id=f"{student.pk}-{packet.pk}-{number}",
            due=last_review + timedelta(days=3),
            first_review=last_review - timedelta(days=7),
            last_review=last_review,
            reviews=2,
        )


def end_enrollment(student, class_, day):
    withdraw(Enrollment.objects.get(student=student, cohort=class_))
    Enrollment.objects.filter(student=student, cohort=class_).update(ended_on=day)


@pytest.fixture
def program(make_level, make_cohort, make_user, teacher, manager):
    level_a = make_level(slug="level-a", title="Level A", nrs=NRSLevel.LOW_BEGINNING)
    level_b = make_level(slug="level-b", title="Level B", nrs=NRSLevel.LOW_INTERMEDIATE)
    level_c = make_level(slug="level-c", title="Level C", nrs=NRSLevel.ADVANCED)
    other_teacher = make_user(Role.TEACHER, display_name="Other Teacher")
    # A2 opened first: handing in places work in a student's first class at the
    # level, so ahmad's work (he is in both) counts in A2.
    a2 = make_cohort(name="A2 Tue Thu", level=level_a, teachers=[teacher], meeting_days=[2, 4])
    a1 = make_cohort(name="A1 Mon Wed", level=level_a, teachers=[teacher])
    b1 = make_cohort(name="B1 Mon Wed", level=level_b, teachers=[other_teacher])
    # Published before anyone is enrolled: no one to tell, nothing to announce.
    packet_a, work_a = publish_week(
        level_a,
        "Week 1",
        [
            ("asg1", date(2026, 9, 20), 10, True),
            ("asg2", date(2026, 10, 10), 10, True),
            ("asg3", date(2026, 11, 10), 10, True),
            ("draft", date(2026, 9, 25), 10, False),
        ],
    )
    packet_b, work_b = publish_week(level_b, "Week 1", [("bsg1", date(2026, 9, 30), 20, True)])
    asg1, asg2, asg3 = work_a["asg1"], work_a["asg2"], work_a["asg3"]
    names = ("amina", "ahmad", "gul", "carlos", "jean", "oksana")
    people = {n: make_user(Role.STUDENT, display_name=n.title(), username=n) for n in names}
    amina, ahmad, gul, carlos, jean, oksana = (people[n] for n in names)
    for student in (amina, ahmad, gul, carlos):
        enroll(student, a1)
    for student in (ahmad, jean):
        enroll(student, a2)
    for student in (oksana, jean):
        enroll(student, b1)

    # Scores given without a wait that counts: feedback after the period.
    later = at(date(2026, 11, 20))
    # amina: asg1 on time (8/10, feedback after 24 h); asg2 late, no score.
    v = hand_in_version(amina, asg1, now=at(date(2026, 9, 18)))
    feedback_after(v, teacher, 24, score=8)
    hand_in_version(amina, asg2, now=at(date(2026, 10, 12)))
    # ahmad: asg1 only a draft; asg2 in A2, first on time then resubmitted late (6/10).
    save_draft(ahmad, asg1, "My first words.")
    v1 = hand_in_version(ahmad, asg2, now=at(date(2026, 10, 9)))
    assert v1.submission.cohort == a2
    feedback_after(v1, teacher, 48, "revision_requested")
    feedback_after(v1, teacher, 100, "revision_requested")  # a second word: not the first
    v2 = hand_in_version(ahmad, asg2, now=at(date(2026, 10, 15)))
    feedback_after(v2, teacher, 2, score=6)
    # gul: asg2 was due after gul left the class: not expected, not counted.
    v = hand_in_version(gul, asg2, now=at(date(2026, 9, 29)))
    give_feedback(teacher, v.submission, at=later, score=10)
    # jean: asg1 in A2, on time, 10/10; asg3 is due after the period.
    for assignment, day, hour in ((asg1, date(2026, 9, 20), 9), (asg3, date(2026, 10, 30), 12)):
        v = hand_in_version(jean, assignment, now=at(day, hour))
        give_feedback(teacher, v.submission, at=later, score=10)
    # oksana: bsg1 on time, 15/20, feedback after 10 h.
    v = hand_in_version(oksana, work_b["bsg1"], now=at(date(2026, 9, 28)))
    feedback_after(v, other_teacher, 10, score=15)

    p, x, e = present(), Mark("absent", 0), Mark("excused", 0)
    roll(a1, 0, {amina.pk: p, ahmad.pk: p, gul.pk: p}, teacher)
    roll(a1, 1, {amina.pk: p, ahmad.pk: p, gul.pk: x}, teacher)
    roll(a1, 2, {amina.pk: Mark("late", 90), ahmad.pk: p, gul.pk: e}, teacher)
    roll(a1, 3, {amina.pk: p, ahmad.pk: p, gul.pk: p}, teacher)
    end_enrollment(gul, a1, date(2026, 10, 1))
    end_enrollment(carlos, a1, date(2026, 9, 1))
    roll(a1, 4, {amina.pk: x, ahmad.pk: p}, teacher)
    cancelled = roll(a1, 5, {amina.pk: p, ahmad.pk: p}, teacher)
    set_cancelled(cancelled, True, by=teacher)
    november = roll(a1, 16, {amina.pk: p, ahmad.pk: p}, teacher)
    assert timezone.localtime(november.starts_at).date() == date(2026, 11, 2)
    for index, jean_mark in enumerate((p, Mark("late", 60), p)):
        roll(a2, index, {ahmad.pk: p, jean.pk: jean_mark}, teacher)
    for index in range(7):
        marks = {oksana.pk: p, **({jean.pk: p} if index < 2 else {})}
        roll(b1, index, marks, other_teacher)

    in_period, after = at(date(2026, 10, 5)), at(date(2026, 11, 5))
    practise(amina, packet_a, 3, in_period)
    practise(ahmad, packet_a, 1, after)
    practise(carlos, packet_a, 2, in_period)
    practise(oksana, packet_a, 2, in_period)
    practise(oksana, packet_b, 4, in_period)

    factories.set_minimum_hours("casas_reading", 0)  # figures here; test rules: test_catalog_rules

    def assess(student, day, phase, level):
        factories.record_test(
            student, by=manager, test="casas_reading", taken_on=day, phase=phase, level=level
        )

    assess(ahmad, date(2026, 8, 20), "pre", 1)  # before the period: not the entering level
    for student, level, post_level in ((amina, 2, 3), (ahmad, 2, 3), (oksana, 4, 4)):
        assess(student, date(2026, 9, 8), "pre", level)
        assess(student, date(2026, 10, 20), "post", post_level)
    assess(jean, date(2026, 9, 9), "pre", 3)
    assess(jean, date(2026, 10, 21), "post", 3)
    assess(oksana, date(2026, 11, 3), "post", 5)  # after the period

    return SimpleNamespace(
        levels=(level_a, level_b, level_c),
        classes=(a1, a2, b1),
        teacher=teacher,
        other_teacher=other_teacher,
        manager=manager,
        **people,
    )
