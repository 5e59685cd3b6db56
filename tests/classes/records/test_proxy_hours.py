"""Proxy hours earned by Harbor's own work: each model, with hand-computed hours,
and a distance learner whose proxy hours are the majority of their hours."""

from collections import defaultdict
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from classes.attendance import Mark, take_attendance
from classes.records.period_data import periods_of_student
from classes.records.proxy import ProxyModel, proxy_by_student, proxy_rules
from classes.records.rules import NrsRules
from classes.submissions.services import Work, submit_work
from packets.demo import ensure_levels
from tests.classes.submissions.conftest import publish_assignment
from tests.factories import give_feedback, hand_in, publish_packet


def at(day, hour=12):
    return timezone.make_aware(datetime.combine(day, datetime.min.time()).replace(hour=hour))


@pytest.fixture
def work(classroom):
    """A written, a photo and a quiz assignment at the classroom's level."""
    packet = publish_packet(ensure_levels()["level-2"], "Week 4: The bus", number=4)
    return {kind: publish_assignment(packet, kind) for kind in ("written", "photo", "quiz")}


def test_work_a_teacher_returns_earns_the_verified_hours_on_that_day(classroom, work):
    _cohort, teacher, amina, _ahmad = classroom
    returned = hand_in(amina, work["written"])
    give_feedback(teacher, returned)
    revising = hand_in(amina, work["photo"])
    give_feedback(teacher, revising, status="revision_requested")
    (item,) = proxy_by_student([amina.pk])[amina.pk]
    assert (item.model, item.kind, item.minutes) == (ProxyModel.TEACHER_VERIFICATION, "written", 60)
    assert (item.submission_id, item.day) == (returned.pk, timezone.localdate())


def test_work_returned_then_sent_back_for_revision_keeps_its_hours(classroom, work):
    _cohort, teacher, amina, _ahmad = classroom
    submission = hand_in(amina, work["written"])
    give_feedback(teacher, submission)
    give_feedback(teacher, submission, status="revision_requested")
    (item,) = proxy_by_student([amina.pk])[amina.pk]
    assert (item.submission_id, item.minutes) == (submission.pk, 60)


def quiz_answers(quiz, right):
    """Two questions: both right (100 %), or one (50 %)."""
    first, second = (block.id for block in quiz.questions)
    return {first: "0", second: "bus" if right == 2 else "car"}


def test_a_quiz_passed_at_the_set_score_earns_mastery_hours_on_the_first_passing_day(
    classroom, work
):
    _cohort, _teacher, amina, ahmad = classroom
    quiz = work["quiz"]
    monday, tuesday = date(2026, 11, 2), date(2026, 11, 3)
    submit_work(amina, quiz, Work(answers=quiz_answers(quiz, 1)), token="a1", now=at(monday))
    submit_work(amina, quiz, Work(answers=quiz_answers(quiz, 2)), token="a2", now=at(tuesday))
    submit_work(ahmad, quiz, Work(answers=quiz_answers(quiz, 1)), token="b1", now=at(monday))
    found = proxy_by_student([amina.pk, ahmad.pk])
    (item,) = found[amina.pk]
    assert (item.model, item.day, item.minutes) == (ProxyModel.LEARNER_MASTERY, tuesday, 60)
    assert ahmad.pk not in found  # 50 % is under the 75 % pass


def test_the_passing_score_is_the_program_s_choice(classroom, work, settings):
    _cohort, _teacher, amina, _ahmad = classroom
    quiz = work["quiz"]
    submit_work(amina, quiz, Work(answers=quiz_answers(quiz, 1)), token="a1")
    settings.HARBOR_PROXY_RULES = {**settings.HARBOR_PROXY_RULES, "mastery_percent": 50}
    assert len(proxy_by_student([amina.pk])[amina.pk]) == 1


def test_a_kind_the_program_does_not_count_earns_nothing(classroom, work, settings):
    _cohort, teacher, amina, _ahmad = classroom
    give_feedback(teacher, hand_in(amina, work["written"]))
    models = {**settings.HARBOR_PROXY_RULES["models"], "written": ""}
    settings.HARBOR_PROXY_RULES = {**settings.HARBOR_PROXY_RULES, "models": models}
    assert not proxy_by_student([amina.pk])


def test_a_model_a_kind_cannot_use_is_refused_at_start(settings):
    models = {**settings.HARBOR_PROXY_RULES["models"], "reading": "teacher_verification"}
    settings.HARBOR_PROXY_RULES = {**settings.HARBOR_PROXY_RULES, "models": models}
    with pytest.raises(ValueError, match="reading"):
        proxy_rules()


def test_a_distance_learner_s_proxy_hours_are_the_majority_of_their_period(classroom, work):
    """Amina: 2 hours in class and 3 returned pieces of work (3 proxy hours) → a
    distance learner (3 > 5 / 2); Ahmad: 2 hours in class and none."""
    cohort, teacher, amina, ahmad = classroom
    first = cohort.sessions.order_by("starts_at")[0]
    take_attendance(
        first, {amina.pk: Mark("present", 120), ahmad.pk: Mark("present", 120)}, by=teacher
    )
    extra = publish_assignment(work["written"].get_parent(), "written", title="Second")
    for assignment in (work["written"], work["photo"], extra):
        give_feedback(teacher, hand_in(amina, assignment))
    (period,) = periods_of_student(amina)
    assert (period.contact_hours, period.proxy_hours, period.hours) == (
        Decimal("2.0"),
        Decimal("3.0"),
        Decimal("5.0"),
    )
    assert period.is_distance_learner(NrsRules())
    (ahmads,) = periods_of_student(ahmad)
    assert not ahmads.is_distance_learner(NrsRules())


def test_a_teacher_s_view_counts_only_work_in_their_classes(classroom, work, make_class, make_user):
    from learning.roles import Role

    _cohort, teacher, amina, _ahmad = classroom
    give_feedback(teacher, hand_in(amina, work["written"]))
    other_teacher = make_user(Role.TEACHER)
    other = make_class(teacher=other_teacher, students=[])
    assert proxy_by_student([amina.pk], classes=[other]) == {}


def test_the_dashboard_s_sums_by_class_are_the_items_added_up(classroom, work):
    """Amina: a returned written work (60), a work sent back for revision (0), a
    quiz passed on the Tuesday (60) and 10 minutes read in a packet (clock time:
    earned in a packet, not a class, so in her items but in no class's sum);
    Ahmad: a returned photo (60) and a failed quiz (0)."""
    from classes.models import Class, StudyTime
    from classes.records.filters import Period
    from classes.records.hours import proxy_minutes_by_class

    cohort, teacher, amina, ahmad = classroom
    give_feedback(teacher, hand_in(amina, work["written"]))
    give_feedback(teacher, hand_in(amina, work["photo"]), status="revision_requested")
    give_feedback(teacher, hand_in(ahmad, work["photo"]))
    quiz, tuesday = work["quiz"], date(2026, 11, 3)
    submit_work(amina, quiz, Work(answers=quiz_answers(quiz, 2)), token="a", now=at(tuesday))
    submit_work(ahmad, quiz, Work(answers=quiz_answers(quiz, 1)), token="b", now=at(tuesday))
    StudyTime.objects.create(
        student=amina,
        packet=work["written"].get_parent(),
        packet_title="P",
        kind="reading",
        day=tuesday,
        seconds=600,
        counted_until=at(tuesday),
    )
    classes = Class.objects.filter(pk=cohort.pk)
    items = proxy_by_student([amina.pk, ahmad.pk], classes=None)
    assert {item.model for item in items[amina.pk]} == set(ProxyModel.values)

    whole, tuesday_only = Period(date(2000, 1, 1), date(2100, 1, 1)), Period(tuesday, tuesday)
    for period in (whole, tuesday_only):
        expected = defaultdict(int)
        for student_id, found in items.items():
            for item in found:
                if item.cohort_id == cohort.pk and period.first_day <= item.day <= period.last_day:
                    expected[student_id] += item.minutes
        found = proxy_minutes_by_class([amina.pk, ahmad.pk], classes, period)
        assert found == {cohort.pk: dict(expected)}
    assert proxy_minutes_by_class([amina.pk, ahmad.pk], classes, whole) == {
        cohort.pk: {amina.pk: 120, ahmad.pk: 60}
    }
    assert proxy_minutes_by_class([amina.pk, ahmad.pk], classes, tuesday_only) == {
        cohort.pk: {amina.pk: 60}
    }
