"""What the chat page shows: plain selectors used by the HTTP views."""

from classes.access import can_teach
from classes.models import BreakoutGroup, Report

PAGE_SIZE = 50


def page_messages(room, after=None):
    """The last 50 messages, or (no-JS "load newer") the 50 after an id."""
    messages = room.messages.visible().select_related("author")
    if after is not None:
        return list(messages.after(after)[:PAGE_SIZE])
    return list(reversed(messages.latest_first()[:PAGE_SIZE]))


def pinned_phrase(room):
    return room.messages.visible().filter(pinned=True).order_by("-number").first()


def rooms_of(user, cohort):
    """The breakout groups a user sees: every group for teachers, their own for students."""
    groups = BreakoutGroup.objects.filter(cohort=cohort)
    if not can_teach(user, cohort):
        groups = groups.filter(members=user)
    return list(groups.order_by("-opened_at")[:12])


def open_reports(cohort):
    return (
        Report.objects.filter(message__room__cohort=cohort, resolved_at__isnull=True)
        .select_related("message__author", "reporter", "message__room")
        .order_by("created_at")
    )
