"""Proxy hours: distance-learning hours earned by the work students do in
Harbor, as the NRS lets a program count them (docs/records.md, "Proxy hours").

The program chooses per kind of work which model applies
(settings.HARBOR_PROXY_RULES):

- *teacher verification*: a fixed number of minutes per piece of work, counted
  on the day a teacher returns it (written, photo and audio work by default);
- *learner mastery*: a fixed number of minutes when a quiz is passed at the set
  score (75 % by default), on the day of the first passing version;
- *clock time*: measured time in approved material (packet reading and
  flashcard practice), sent by the pages' beacons with an idle timeout and a
  daily cap (classes/clock_time.py), counted on the day it was measured.

Like the rest of the records these are computed from the work itself on every
read, never stored copies, and each item names the work that earned it (a
submission, or for clock time the packet and its StudyTime row).
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from classes.models import (
    Class,
    FeedbackStatus,
    StudyKind,
    StudyTime,
    Submission,
    SubmissionVersion,
)
from classes.records.days import local_day
from packets.tree import level_path_of


class ProxyModel(models.TextChoices):
    CLOCK_TIME = "clock_time", _("Clock time")
    TEACHER_VERIFICATION = "teacher_verification", _("Teacher verification")
    LEARNER_MASTERY = "learner_mastery", _("Learner mastery")


# Which models each kind of work may use: a quiz can be confirmed by a teacher
# too; reading and practice can only be timed.
ALLOWED = {
    "written": {ProxyModel.TEACHER_VERIFICATION},
    "photo": {ProxyModel.TEACHER_VERIFICATION},
    "audio": {ProxyModel.TEACHER_VERIFICATION},
    "quiz": {ProxyModel.LEARNER_MASTERY, ProxyModel.TEACHER_VERIFICATION},
    "reading": {ProxyModel.CLOCK_TIME},
    "flashcards": {ProxyModel.CLOCK_TIME},
}


@dataclass(frozen=True)
class ProxyRules:
    models: dict  # kind of work -> ProxyModel value, or "" (not counted)
    verified_minutes: int = 60
    mastery_minutes: int = 60
    mastery_percent: Decimal = Decimal(75)
    idle_timeout_seconds: int = 300
    daily_cap_minutes: int = 480

    def kinds(self, model):
        return sorted(kind for kind, chosen in self.models.items() if chosen == model)


def proxy_rules() -> ProxyRules:
    configured = dict(settings.HARBOR_PROXY_RULES)
    chosen = configured.pop("models")
    for kind, model in chosen.items():
        if model and model not in ALLOWED.get(kind, ()):
            raise ValueError(f"HARBOR_PROXY_RULES: {kind!r} cannot use {model!r}")
    rules = ProxyRules(chosen, **configured)
    return ProxyRules(
        rules.models,
        int(rules.verified_minutes),
        int(rules.mastery_minutes),
        Decimal(rules.mastery_percent),
        int(rules.idle_timeout_seconds),
        int(rules.daily_cap_minutes),
    )


@dataclass(frozen=True)
class ProxyItem:
    """Minutes earned on a day, by a model, from one piece of work."""

    day: date
    minutes: int
    model: str
    kind: str
    submission_id: int | None  # the work that earned it (None for clock time)
    # The class the work was handed in to (None for clock time: it is in a packet).
    cohort_id: int | None = None
    # Clock time: the StudyTime row measured, and its packet (None once deleted).
    study_time_id: int | None = None
    packet_id: int | None = None
    packet_title: str = ""

    @property
    def study_kind(self):
        """Clock time's kind, for people ("Packet reading"); "" for other items."""
        return StudyKind(self.kind).label if self.kind in StudyKind.values else ""

    @property
    def order(self):
        return (self.day, self.submission_id or 0, self.study_time_id or 0)


def returned_submissions(student_ids, classes, rules):
    """The rule of teacher verification: each piece of work of the
    teacher-verified kinds that a teacher returned, with `earned_at`, the moment
    it was first returned. Grouped per submission on these columns only (not
    every column of the submission)."""
    kinds = rules.kinds(ProxyModel.TEACHER_VERIFICATION)
    returned = Q(feedback__status=FeedbackStatus.RETURNED)
    return (
        scoped(Submission.objects.filter(student_id__in=student_ids), classes)
        .filter(assignment__kind__in=kinds)
        .values("student_id", "pk", "assignment__kind", "cohort_id")
        .annotate(earned_at=Min("feedback__created_at", filter=returned))
        # Once returned, the hours stay earned: a revision asked for later
        # does not take back what a report may already have counted.
        .filter(earned_at__isnull=False)
    )


def returned_work(student_ids, classes, rules):
    """(student id, submission id, kind, class id, day) of each piece of work of
    the teacher-verified kinds, on the day it was first returned."""
    rows = returned_submissions(student_ids, classes, rules).values_list(
        "student_id", "pk", "assignment__kind", "cohort_id", "earned_at"
    )
    # The local day taken in Python: on SQLite it cut a year's dashboard
    # (35,000 returned works) by about half (docs/BENCHMARKS.md, "Records").
    zone = timezone.get_default_timezone()
    for student_id, pk, kind, cohort_id, returned_at in rows.order_by():
        yield student_id, pk, kind, cohort_id, returned_at.astimezone(zone).date()


def verified_work(student_ids, classes, rules):
    """Work of the teacher-verified kinds, counted on the day it was first returned."""
    model, minutes = ProxyModel.TEACHER_VERIFICATION, rules.verified_minutes
    for student_id, pk, kind, cohort_id, day in returned_work(student_ids, classes, rules):
        yield student_id, ProxyItem(day, minutes, model, kind, pk, cohort_id)


def passing_versions(student_ids, classes, rules):
    """The rule of learner mastery: each quiz passed at the set score, by its
    `submission_id`, with `earned_at`, the moment of its first passing version.
    None when quizzes are not counted by mastery."""
    if "quiz" not in rules.kinds(ProxyModel.LEARNER_MASTERY):
        return None
    versions = SubmissionVersion.objects.filter(
        submission__student_id__in=student_ids,
        submission__assignment__kind="quiz",
        quiz_score__gte=F("submission__assignment__points") * rules.mastery_percent / 100,
    )
    if classes is not None:
        versions = versions.filter(submission__cohort__in=classes)
    return versions.values("submission_id").annotate(earned_at=Min("submitted_at"))


def passed_quizzes(student_ids, classes, rules):
    """(student id, submission id, "quiz", class id, day) of each quiz passed at
    the set score, on the day of its first passing version."""
    versions = passing_versions(student_ids, classes, rules)
    if versions is None:
        return
    rows = versions.annotate(day=local_day("earned_at")).values_list(
        "submission__student_id", "submission_id", "submission__cohort_id", "day"
    )
    for student_id, pk, cohort_id, day in rows.order_by():
        yield student_id, pk, "quiz", cohort_id, day


def mastered_quizzes(student_ids, classes, rules):
    """Quizzes passed at the set score, counted on the day of the first passing version."""
    model, minutes = ProxyModel.LEARNER_MASTERY, rules.mastery_minutes
    for student_id, pk, kind, cohort_id, day in passed_quizzes(student_ids, classes, rules):
        yield student_id, ProxyItem(day, minutes, model, kind, pk, cohort_id)


def clock_time(student_ids, classes, rules):
    """Measured time in packets (StudyTime), one item per packet, kind and day:
    its seconds in whole minutes (rounded down); a day's items together are
    capped at `daily_cap_minutes`, the first measured kept whole. In a
    teacher's view (`classes`), only packets at their classes' levels."""
    kinds = rules.kinds(ProxyModel.CLOCK_TIME)
    if not kinds:
        return
    rows = StudyTime.objects.filter(student_id__in=student_ids, kind__in=kinds, seconds__gte=60)
    if classes is not None:
        levels = Class.objects.filter(pk__in=class_ids(classes)).values("level__path")
        rows = rows.annotate(level=level_path_of("packet")).filter(level__in=levels)
    left = {}  # (student id, day) -> minutes the cap still allows
    fields = ("student_id", "pk", "kind", "day", "seconds", "packet_id", "packet_title")
    for student_id, pk, kind, day, seconds, packet_id, title in rows.order_by(
        "student_id", "day", "pk"
    ).values_list(*fields):
        allowed = left.setdefault((student_id, day), rules.daily_cap_minutes)
        minutes = min(seconds // 60, allowed)
        left[student_id, day] = allowed - minutes
        if minutes:
            model = ProxyModel.CLOCK_TIME
            item = ProxyItem(day, minutes, model, kind, None, None, pk, packet_id, title)
            yield student_id, item


def class_ids(classes):
    """A QuerySet of classes as a subquery of their ids, a list of them as ids."""
    if hasattr(classes, "values"):
        return classes.values("pk")
    return [getattr(class_, "pk", class_) for class_ in classes]


def scoped(submissions, classes):
    return submissions if classes is None else submissions.filter(cohort__in=classes)


def earned_submissions(student_ids, classes, rules, period=None):
    """The submissions that earned proxy hours by each work-traced rule, earned in
    `period` (any time if None): [(submission ids as a subquery, the setting
    naming the minutes each earns)]. The same rules as the items above, for the
    dashboard to count per class in the database (hours.proxy_minutes_by_class)."""
    earned = [
        (returned_submissions(student_ids, classes, rules), "pk", "verified_minutes"),
        (passing_versions(student_ids, classes, rules), "submission_id", "mastery_minutes"),
    ]
    return [
        (in_period(rows, period).values(id_field), minutes_field)
        for rows, id_field, minutes_field in earned
        if rows is not None
    ]


def in_period(rows, period):
    """Rows whose `earned_at` falls on one of the period's local days."""
    if period is None:
        return rows
    zone = timezone.get_default_timezone()
    start = datetime.combine(period.first_day, time.min, zone)
    end = datetime.combine(period.last_day + timedelta(days=1), time.min, zone)
    return rows.filter(earned_at__gte=start, earned_at__lt=end)


def proxy_by_student(student_ids, classes=None, rules=None):
    """{student id: [ProxyItem]}, oldest first, from their work in `classes`
    (all classes if None). Three queries."""
    rules = rules or proxy_rules()
    found = defaultdict(list)
    for source in (verified_work, mastered_quizzes, clock_time):
        for student_id, item in source(student_ids, classes, rules):
            found[student_id].append(item)
    for items in found.values():
        items.sort(key=lambda item: item.order)
    return found
