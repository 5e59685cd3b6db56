"""Work and feedback in the records dashboard: assignments due, work handed in
(on time, scored), the wait for first feedback and flashcards practised, per class
and student. Definitions: docs/records.md, "Dashboard figures".

How a level's assignments and packets are found is the `packets` app's concern
(packets/tree.py): rows are grouped by `level_path_of`, compared with each
level's own path."""

import statistics
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import (
    Count,
    Exists,
    ExpressionWrapper,
    FloatField,
    Func,
    OuterRef,
    Q,
    Sum,
)
from django.db.models.functions import Cast

from classes.models import Enrollment, Feedback, Submission
from classes.models.sessions import starts_between
from packets.models import AssignmentPage, FlashcardProgress
from packets.tree import level_path_of


@dataclass(frozen=True)
class WorkRow:
    handed_in: int
    on_time: int
    score_total: float  # sum of score ÷ points, in percent
    scored: int


def due_dates(levels, period):
    """Live assignments due in the period, by level (an assignment's grandparent)."""
    by_path = {level.path: level.pk for level in levels}
    if not by_path:
        return {}
    assignments = (
        AssignmentPage.objects.live()
        .in_levels(levels)
        .filter(due_date__gte=period.first_day, due_date__lte=period.last_day)
        .annotate(level_path=level_path_of(""))
    )
    dates = defaultdict(list)
    for path, due in assignments.values_list("level_path", "due_date"):
        level_id = by_path.get(path)
        if level_id is not None:
            dates[level_id].append(due)
    return dates


def expected_of_enrollment():
    """The submission's assignment was due while the student was in the class."""
    return Exists(
        Enrollment.objects.filter(student=OuterRef("student"), cohort=OuterRef("cohort")).filter(
            Q(ended_on__isnull=True) | Q(ended_on__gte=OuterRef("assignment__due_date"))
        )
    )


def score_percent():
    return ExpressionWrapper(
        Cast("score", FloatField()) * 100.0 / Cast("assignment__points", FloatField()),
        output_field=FloatField(),
    )


SCORED = Q(score__isnull=False, assignment__points__gt=0)


def work_rows(classes, period, level_paths):
    """Handed-in work on live assignments due in the period, per class and
    student, counting only work expected of the student (see docs) on the
    class's own level: `level_paths` maps class id → its level's page path.

    "On time" goes by the first version (numbered 1), joined rather than looked
    up per row; the assignment's level (its grandparent page) is grouped on and
    compared here, which is cheaper than comparing paths row by row."""
    rows = (
        Submission.objects.handed_in()
        .filter(
            cohort__in=classes,
            assignment__live=True,
            assignment__due_date__gte=period.first_day,
            assignment__due_date__lte=period.last_day,
            versions__number=1,
        )
        .filter(expected_of_enrollment())
        .values(
            "cohort_id",
            "student_id",
            level_path=level_path_of("assignment"),
        )
        .annotate(
            handed_in=Count("pk"),
            on_time=Count("pk", filter=Q(versions__is_late=False)),
            score_total=Sum(score_percent(), filter=SCORED, default=0.0),
            scored=Count("pk", filter=SCORED),
        )
        .order_by()
    )
    by_class = defaultdict(dict)
    for row in rows:
        if row["level_path"] == level_paths.get(row["cohort_id"]):
            by_class[row["cohort_id"]][row["student_id"]] = WorkRow(
                row["handed_in"], row["on_time"], row["score_total"], row["scored"]
            )
    return by_class


class HoursBetween(Func):
    """Hours from one datetime column to another, computed by the database (a
    per-row conversion in Python made the dashboard seconds slower)."""

    output_field = FloatField()

    def __init__(self, start, end):
        super().__init__(end, start)

    def as_sqlite(self, compiler, connection, **extra):
        template = "((julianday(%(expressions)s)) * 24.0)"
        return self.as_sql(compiler, connection, template=template, arg_joiner=") - julianday(")

    def as_postgresql(self, compiler, connection, **extra):
        template = "(EXTRACT(EPOCH FROM (%(expressions)s)) / 3600.0)"
        return self.as_sql(compiler, connection, template=template, arg_joiner=" - ")


def feedback_waits(classes, period):
    """For each version whose first feedback was given in the period: the hours
    the student waited for it, by class and student."""
    earlier = Feedback.objects.filter(
        version=OuterRef("version"), created_at__lt=OuterRef("created_at")
    )
    rows = (
        Feedback.objects.filter(submission__cohort__in=classes)
        .filter(starts_between("created_at", period.first_day, period.last_day))
        .filter(~Exists(earlier))
        .annotate(wait=HoursBetween("version__submitted_at", "created_at"))
        .values_list("submission__cohort_id", "submission__student_id", "wait")
        .order_by()
    )
    by_class = defaultdict(list)
    for cohort_id, student_id, wait in rows:
        by_class[cohort_id].append((student_id, wait))
    return by_class


def flashcard_rows(students, levels, period):
    """Cards whose latest review fell in the period, per level (the packet's
    parent) and student."""
    by_path = {level.path: level.pk for level in levels}
    if not by_path:
        return {}
    rows = (
        FlashcardProgress.objects.filter(student_id__in=students)
        .filter(starts_between("last_review", period.first_day, period.last_day))
        .annotate(level_path=level_path_of("packet"))
        .values("level_path", "student_id")
        .annotate(cards=Count("pk"))
        .order_by()
    )
    cards = {}
    for row in rows:
        level_id = by_path.get(row["level_path"])
        if level_id is not None:
            cards[(level_id, row["student_id"])] = row["cards"]
    return cards


def expected_work(data, ends):
    return sum(
        sum(1 for due in data.due_dates.get(level_id, ()) if end is None or due <= end)
        for (level_id, _student), end in ends.items()
    )


def add_work(result, data, cohort_ids, members, ends):
    result.expected_work = expected_work(data, ends)
    for cohort_id in cohort_ids:
        for student_id, row in data.work.get(cohort_id, {}).items():
            if student_id in members:
                result.handed_in += row.handed_in
                result.on_time += row.on_time
                result.score_total += row.score_total
                result.scored += row.scored
    waits = [
        wait
        for cohort_id in cohort_ids
        for student_id, wait in data.feedback.get(cohort_id, ())
        if student_id in members
    ]
    result.median_feedback_hours = statistics.median(waits) if waits else None
