"""A room's history and what the chat page shows: caught up by id on the socket
(the database, not the channel layer, is the truth), and page by page, with the
room's pinned phrase, groups and reports, for the HTTP views (plain selectors).
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from classes.access import can_teach
from classes.chat.protocol import ProtocolError, history_done_frame, message_frame, parse_after
from classes.models import BreakoutGroup, Enrollment, Report

BATCH = 500


def frames_after(room, after, reader_id=None):
    """Every message after `after`, in order, then history.done with the newest
    id; notices worded for the reader, in the active language."""
    # The newest id is read before the messages: read after them, it could name
    # a message saved in between and never sent, and a client that trusts
    # history.done's last_id (chat.js does) would never ask for it. A room's
    # newest id and its message are saved together, the ones before it earlier.
    room.refresh_from_db(fields=["last_message_id"])
    newest = room.last_message_id
    frames = []
    last_id = after
    while True:
        batch = list(room.messages.after(last_id).select_related("author")[:BATCH])
        frames.extend(message_frame(message, room.label, reader_id) for message in batch)
        if len(batch) < BATCH:
            break
        last_id = batch[-1].number
    frames.append(history_done_frame(newest))
    return frames


# What the chat page shows: plain selectors used by the HTTP views.


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


CONTEXT_BEFORE = 3  # messages shown before a reported practice-group message


def open_reports(cohort):
    """The class's own reports, and those its active students made in their
    practice groups (the only way a teacher reads a practice group's messages:
    the message and the few before it)."""
    students = Enrollment.objects.active().filter(cohort=cohort).values("student_id")
    reports = list(
        Report.objects.filter(
            Q(message__room__cohort=cohort)
            | Q(message__room__practice_group__isnull=False, reporter_id__in=students),
            resolved_at__isnull=True,
        )
        .select_related("message__author", "reporter", "message__room__practice_group")
        .order_by("created_at")
    )
    for report in reports:
        report.context = _before(report.message) if report.message.room.practice_group_id else []
    return reports


def _before(message):
    earlier = message.room.messages.visible().filter(number__lt=message.number)
    return list(reversed(earlier.select_related("author").latest_first()[:CONTEXT_BEFORE]))
