"""Submissions: one row per student's work on an assignment, in a covered class,
handed in for the first time in the period (a draft never handed in: started in
the period). Each submission falls in exactly one period."""

from django.db.models import Count, IntegerField, Min, OuterRef, Subquery
from django.db.models.functions import Coalesce

from classes.models import Feedback, Submission, SubmissionVersion
from classes.models.sessions import starts_between
from classes.records.exports.base import (
    STUDENT_IN_CLASS,
    Column,
    ColumnTable,
    QueryExport,
    or_blank,
)
from classes.records.exports.learners import yes_no
from classes.records.exports.scope import Scope, person_name
from packets.tree import packet_of

# Documented in docs/records.md: columns may be added at the end, never renamed.
TABLE = ColumnTable(
    (
        Column("submission_id", "pk"),
        *STUDENT_IN_CLASS,
        Column("packet_id", "packet_id"),
        Column("packet", "packet_title"),
        Column("assignment_id", "assignment_id"),
        Column("assignment", "assignment__title"),
        Column("kind", "assignment__kind"),
        Column("due_date", "assignment__due_date"),
        Column("points", "assignment__points"),
        Column("status", "status"),
        Column("late", "is_late", yes_no),
        Column("started_at", "created_at"),
        Column("first_submitted_at", "first_submitted_at"),
        Column("submitted_at", "submitted_at"),
        Column("versions", "version_count"),
        Column("score", "score"),
        Column("feedback_count", "feedback_count"),
        Column("first_feedback_at", "first_feedback_at"),
        Column("feedback_status", "latest_feedback", or_blank),
    )
)
COLUMNS = TABLE.headers


def counted(model, **match):
    """How many rows of `model` belong to the outer submission (0 when none)."""
    rows = model.objects.filter(**match).order_by().values(*match).annotate(n=Count("pk"))
    return Coalesce(Subquery(rows.values("n"), output_field=IntegerField()), 0)


def with_feedback(submissions):
    mine = Feedback.objects.filter(submission=OuterRef("pk"))
    first = mine.order_by().values("submission").annotate(at=Min("created_at")).values("at")
    latest = mine.order_by("-created_at", "-pk").values("status")[:1]
    return submissions.annotate(
        version_count=counted(SubmissionVersion, submission=OuterRef("pk")),
        feedback_count=counted(Feedback, submission=OuterRef("pk")),
        first_feedback_at=Subquery(first),
        latest_feedback=Subquery(latest),
    )


def with_packet(submissions):
    """The assignment's parent page (its packet)."""
    return submissions.annotate(
        packet_id=packet_of("assignment", "pk"), packet_title=packet_of("assignment", "title")
    )


def in_scope(scope: Scope):
    period = scope.period
    submissions = (
        Submission.objects.filter(cohort__in=scope.classes)
        .annotate(handed_in_or_started=Coalesce("first_submitted_at", "created_at"))
        .filter(starts_between("handed_in_or_started", period.first_day, period.last_day))
        .annotate(student_name=person_name("student__"))
    )
    return with_packet(with_feedback(submissions)).order_by(
        "cohort__name", "cohort_id", "student_name", "student_id", "assignment__path"
    )


SUBMISSIONS = QueryExport("submissions", TABLE, in_scope)
