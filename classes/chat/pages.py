"""What the chat page shows: plain selectors used by the HTTP views."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from classes.access import can_teach
from classes.chat.protocol import ProtocolError, parse_after
from classes.models import BreakoutGroup, Report

PAGE_SIZE = 50


@dataclass(frozen=True)
class Position:
    """Where in a room's history the page is: the latest messages (neither),
    the page before an id ("load older") or after one (no-JS "load newer")."""

    after: int | None = None
    before: int | None = None


@dataclass(frozen=True)
class ChatPage:
    messages: list
    # The id for "Load older messages" (?before=), None when nothing is older.
    older_than: int | None


def position_from(query):
    """The page's position from its query string; ProtocolError for a broken link."""
    after, before = query.get("after"), query.get("before")
    if after is not None and before is not None:
        raise ProtocolError("invalid", _("Use “before” or “after”, not both."))
    return Position(
        after=None if after is None else parse_after(after),
        before=None if before is None else parse_after(before),
    )


def page_messages(room, position=None):
    """The latest 50 messages in order (the newest last), the 50 before an id,
    or (no-JS "load newer") the 50 after one."""
    position = position or Position()
    messages = room.messages.visible().select_related("author")
    if position.after is not None:
        return ChatPage(list(messages.after(position.after)[:PAGE_SIZE]), older_than=None)
    if position.before is not None:
        messages = messages.filter(number__lt=position.before)
    # One more than a page: whether anything is older, in the same query.
    newest_first = list(messages.latest_first()[: PAGE_SIZE + 1])
    shown = list(reversed(newest_first[:PAGE_SIZE]))
    older_than = shown[0].number if len(newest_first) > PAGE_SIZE else None
    return ChatPage(shown, older_than)


def pinned_phrase(room):
    return room.messages.visible().filter(pinned=True).order_by("-number").first()


def rooms_of(user, cohort):
    """The breakout groups a user sees: every group for teachers, their own for students."""
    groups = BreakoutGroup.objects.filter(cohort=cohort)
    if not can_teach(user, cohort):
        groups = groups.filter(members=user)
    return list(groups.order_by("-opened_at")[:12])


def breakout_groups(cohort):
    """The class's latest groups with their students, for the teachers' breakout page."""
    students = get_user_model().objects.order_by("display_name", "username")
    groups = BreakoutGroup.objects.filter(cohort=cohort).order_by("-opened_at", "-pk")
    return list(groups.prefetch_related(Prefetch("members", queryset=students))[:12])


def open_reports(cohort):
    return (
        Report.objects.filter(message__room__cohort=cohort, resolved_at__isnull=True)
        .select_related("message__author", "reporter", "message__room")
        .order_by("created_at")
    )
