"""Panels for the home dashboards (home/dashboards.py asks for them by role).
Each panel is one query, whatever the number of classes, sessions or packets."""

from datetime import timedelta

from django.utils import timezone

from classes.attendance import as_hours, contact_hours
from classes.models import Class, JoinRequest, Session, Submission, SubmissionStatus
from classes.records.proxy import proxy_by_student
from classes.submissions.review_selectors import (
    ASSIGNMENT_TEXT,
    classes_with_work_to_review,
    new_feedback,
)
from packets.models import AssignmentPage, PacketPage
from packets.tree import by_parent

SOON = 5


def latest_packets(levels):
    """This week's packet for each level: the live packet with the highest number.
    (Ranking them in the database, a window function, measured twice as slow on
    the demo's levels: bench/pages.py, docs/BENCHMARKS.md.)"""
    if not levels:
        return []
    packets = (
        PacketPage.objects.live()
        .in_levels(levels)
        .defer_streamfields()  # the panel shows titles and links only
        .order_by("-number", "-pk")
    )
    latest = [children[0] for children in by_parent(packets, levels).values() if children]
    return sorted(latest, key=lambda packet: (-packet.number, -packet.pk))


# Work that needs nothing more from the student. A draft, or returned work the
# teacher asked to revise, is still due.
DONE = (SubmissionStatus.SUBMITTED, SubmissionStatus.RETURNED)
# Work past its date and not handed in stays on the list (marked late) for two
# weeks: a student who missed a class still sees what they owe.
LATE_FOR = timedelta(days=14)


def assignments_due(user, levels, today):
    if not levels:
        return []
    done = Submission.objects.filter(student=user, status__in=DONE).values("assignment_id")
    due = (
        AssignmentPage.objects.live()
        .in_levels(levels)
        .filter(due_date__gte=today - LATE_FOR)
        .defer_streamfields()
    )
    due = list(due.exclude(pk__in=done).order_by("due_date", "title")[:SOON])
    for assignment in due:
        assignment.is_late = assignment.due_date < today
    return due


def my_progress(user, classes, today):
    """The student's own figures since their earliest current class began: hours
    attended and hours of study outside class (proxy hours: returned work,
    passed quizzes, measured reading; the records' rules), and latest scores."""
    starts = [c.term_start for c in classes if c.term_start <= today <= c.term_end]
    hours = study = None
    if starts:
        hours = contact_hours(student=user, first_day=min(starts), last_day=today)
        study = proxy_hours(user, min(starts), today)
    scored = (
        Submission.objects.handed_in()
        .filter(student=user, score__isnull=False)
        .select_related("assignment")
        .defer(*ASSIGNMENT_TEXT)
        .order_by("-submitted_at")[:SOON]
    )
    return {"hours_this_term": hours, "study_hours": study, "latest_scores": list(scored)}


def proxy_hours(student, first_day, last_day):
    """Proxy hours the student earned from `first_day` to `last_day`, in hours."""
    items = proxy_by_student([student.pk]).get(student.pk, ())
    return as_hours(sum(item.minutes for item in items if first_day <= item.day <= last_day))


def student_panels(user, now=None, viewable=list):
    """`viewable` keeps the packets and assignments the student may view
    (packets/privacy.py): one with its own restriction is not listed to others."""
    now = now or timezone.now()
    classes = list(Class.objects.for_user(user).select_related("level"))
    levels = list({c.level_id: c.level for c in classes}.values())
    next_session = (
        Session.objects.filter(cohort__in=classes).upcoming(now).select_related("cohort").first()
        if classes
        else None
    )
    return {
        "my_classes": classes,
        "next_session": next_session,
        "latest_packets": viewable(latest_packets(levels)),
        "assignments_due": viewable(assignments_due(user, levels, timezone.localdate(now))),
        "new_feedback": new_feedback(user),
        "waiting_to_join": list(
            JoinRequest.objects.waiting().filter(student=user).select_related("cohort")
        ),
        **my_progress(user, classes, timezone.localdate(now)),
    }


def teacher_panels(user, now=None, viewable=list):
    now = now or timezone.now()
    sessions = Session.objects.filter(cohort__teachers=user).select_related("cohort")
    today = sessions.held().on_day(timezone.localdate(now)).with_roll_taken()
    missing = sessions.roll_missing(now).order_by("-starts_at")
    return {
        "my_classes": list(
            Class.objects.taught_by(user)
            .current_first(timezone.localdate(now))
            .select_related("level")
        ),
        "todays_sessions": list(today.order_by("starts_at")),
        "missing_rolls": list(missing[:SOON]),
        "work_to_review": classes_with_work_to_review(user),
    }
