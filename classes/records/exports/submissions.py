"""Submissions: one row per student's work on an assignment, in a covered class,
handed in for the first time in the period (a draft never handed in: started in
the period). Each submission falls in exactly one period."""

from django.db.models import Count, F, IntegerField, Min, OuterRef, Subquery
from django.db.models.functions import Coalesce

from classes.models import Feedback, Submission, SubmissionVersion
from classes.models.sessions import starts_between
from classes.records.exports.base import QueryExport
from classes.records.exports.learners import yes_no
from classes.records.exports.scope import Scope, person_name
from packets.tree import packet_of

# Documented in docs/records.md: columns may be added at the end, never renamed.
COLUMNS = (
    "submission_id",
    "student_id",
    "student",
    "username",
    "class_id",
    "class",
    "level",
    "nrs_level",
    "packet_id",
    "packet",
    "assignment_id",
    "assignment",
    "kind",
    "due_date",
    "points",
    "status",
    "late",
    "started_at",
    "first_submitted_at",
    "submitted_at",
    "versions",
    "score",
    "feedback_count",
    "first_feedback_at",
    "feedback_status",
)


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
    return (
        with_packet(with_feedback(submissions))
        .order_by("cohort__name", "cohort_id", "student_name", "student_id", "assignment__path")
        .values(
            "pk",
            "student_id",
            "student_name",
            "cohort_id",
            "packet_id",
            "packet_title",
            "assignment_id",
            "status",
            "is_late",
            "created_at",
            "first_submitted_at",
            "submitted_at",
            "version_count",
            "score",
            "feedback_count",
            "first_feedback_at",
            "latest_feedback",
            username=F("student__username"),
            class_name=F("cohort__name"),
            level_title=F("cohort__level__title"),
            level_nrs=F("cohort__level__nrs_level"),
            assignment_title=F("assignment__title"),
            kind=F("assignment__kind"),
            due_date=F("assignment__due_date"),
            points=F("assignment__points"),
        )
    )


def submission_row(row):
    return [
        row["pk"],
        row["student_id"],
        row["student_name"],
        row["username"],
        row["cohort_id"],
        row["class_name"],
        row["level_title"],
        row["level_nrs"],
        row["packet_id"],
        row["packet_title"],
        row["assignment_id"],
        row["assignment_title"],
        row["kind"],
        row["due_date"],
        row["points"],
        row["status"],
        yes_no(row["is_late"]),
        row["created_at"],
        row["first_submitted_at"],
        row["submitted_at"],
        row["version_count"],
        row["score"],
        row["feedback_count"],
        row["first_feedback_at"],
        row["latest_feedback"] or "",
    ]


SUBMISSIONS = QueryExport("submissions", COLUMNS, in_scope, submission_row)
