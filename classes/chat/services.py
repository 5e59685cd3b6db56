"""Writes of class chat, one function per verb. Each runs in one transaction and
broadcasts only after it commits (see broadcast.py)."""

import random
from datetime import timedelta
from functools import cache

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from classes import page_versions
from classes.access import can_teach, may_remove_message
from classes.chat import notices
from classes.chat.broadcast import tell_room, tell_room_notice, tell_user
from classes.chat.protocol import deleted_frame, message_frame
from classes.chat.rooms import (
    RATE_LIMITED,
    chat_rate_limit,
    fetch_one,
    group_room,
    main_room,
    refusal_to_post,
)
from classes.models import BreakoutGroup, Message, MessageKind, Mute, Report, Room
from classes.notices import triggers
from classes.page_invalidation import bump_class, room_name
from learning.once import made_once

GROUP_SIZES = range(2, 7)


class OverRateLimit(Exception):
    """The sender reached the chat rate limit while their message waited to be saved."""


def post_message(
    author,
    room,
    text,
    client_id="",
    kind=MessageKind.CHAT,
    link="",
    pinned=False,
    rate_limit=None,
    notice="",
    notice_params=None,
):
    """Save a message with the room's next id, then broadcast it (after the
    commit: at once, or when the caller's transaction commits). With a
    `rate_limit`, the author's recent messages are counted under a lock on the
    author and the message saved only if under it (else OverRateLimit).
    Returns (message, created); a repeated client_id returns the original."""
    message = Message(
        room=room,
        author=author,
        text=text,
        client_id=client_id,
        kind=kind,
        link=link,
        pinned=pinned,
        notice=notice,
        notice_params=notice_params or {},
    )

    def earlier():
        if not client_id:
            return None
        found = Message.objects.select_related("author")
        return found.filter(room=room, author=author, client_id=client_id).first()

    def save():
        _save_next(message, rate_limit)
        return message

    # A retry of a message already saved (the unique client_id) is not new, and
    # does not count against the limit: the sender hears the original.
    saved, created = made_once(
        earlier, save, look_first=False, in_transaction=False, lost=(IntegrityError, OverRateLimit)
    )
    if not created:
        return saved, False
    # Saved by plain SQL on PostgreSQL (no post_save): the room's page is kept until this.
    page_versions.bump(room_name(room))
    if message.notice:
        tell_room_notice(room, message)
    else:
        tell_room(room, message_frame(message, room.label))
    return message, True


def post_notice(room, notice, params, link=""):
    """A system notice: worded for each reader when shown (notices.py), stored
    with its English wording."""
    with translation.override("en"):
        text = notices.worded(notice, params, link, reader_id=None).text
    message, _created = post_message(
        None, room, text, kind=MessageKind.SYSTEM, link=link, notice=notice, notice_params=params
    )
    return message


def send_message(user, room, text, client_id, session_key=None):
    """A member's message, from the WebSocket or the page without JavaScript.
    Checked on every send, in one query: an active account, a live sign-in
    (when a session key is given), membership, the rate limit, not muted, an
    open room; then saved and broadcast after commit. Returns (refusal reason or
    None, message, created); a retried client_id returns the original message,
    not created."""
    reason = refusal_to_post(user, room, session_key)
    if reason:
        return reason, None, False
    try:
        message, created = post_message(user, room, text, client_id, rate_limit=chat_rate_limit())
    except OverRateLimit:
        return RATE_LIMITED, None, False
    return None, message, created


def _save_next(message, rate_limit=None):
    """Save the message with its room's next number. Taking the room's row lock
    and the number in one statement gives concurrent senders consecutive ids.

    The rate limit must be counted and the message inserted as one step: counted
    apart (as the access query does, to refuse early), ten sockets of one user
    sending at once all saw room for one more. On PostgreSQL a transaction-scoped
    advisory lock per author serialises their sends (a single statement would not:
    its subqueries keep the snapshot taken before any lock wait); on SQLite the
    room UPDATE takes the database's write lock before the count."""
    if rate_limit is None and connection.vendor == "postgresql" and not connection.in_atomic_block:
        _save_next_in_one_statement(message)
        return
    with transaction.atomic():
        if rate_limit is not None and connection.vendor == "postgresql":
            _lock_author(message.author_id)
        if connection.vendor == "postgresql":
            if rate_limit is not None:
                _refuse_over_limit(message, rate_limit)
            _save_next_in_one_statement(message)
            return
        with connection.cursor() as cursor:
            cursor.execute(_next_number_sql(), [message.room_id])
            (message.number,) = cursor.fetchone()
        if rate_limit is not None:
            _refuse_over_limit(message, rate_limit)
        message.save(force_insert=True)
    message.room.last_message_id = message.number


# pg_advisory_xact_lock's first key: which of Harbor's locks (the second is the user).
CHAT_SENDER_LOCK = 4361


def _lock_author(author_id):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [CHAT_SENDER_LOCK, author_id])


def _refuse_over_limit(message, rate_limit):
    since = message.sent_at - timedelta(seconds=rate_limit.seconds)
    recent = Message.objects.filter(
        author_id=message.author_id, kind=MessageKind.CHAT, sent_at__gt=since
    )
    if recent.count() >= rate_limit.messages:
        raise OverRateLimit


def _save_next_in_one_statement(message):
    """PostgreSQL: the number and the insert in one statement, which is its own
    transaction: one round trip instead of four (BEGIN, UPDATE, INSERT, COMMIT),
    each a wait for the database on a busy machine (docs/BENCHMARKS.md)."""
    values = [
        f.get_db_prep_save(f.pre_save(message, add=True), connection) for f in _saved_fields()
    ]
    message.pk, message.number = fetch_one(_save_next_sql(), [message.room_id, *values])
    message._state.adding = False
    message._state.db = connection.alias
    message.room.last_message_id = message.number


def _saved_fields():
    return [f for f in Message._meta.concrete_fields if not f.primary_key and f.name != "number"]


@cache
def _next_number_sql():
    """SQLite: the room's next number, taking the database's write lock."""
    return NEXT_NUMBER.format(**_room_names())


def _room_names():
    quote = connection.ops.quote_name
    return {
        "room": quote(Room._meta.db_table),
        "room_id": quote(Room._meta.pk.column),
        "last": quote(Room._meta.get_field("last_message_id").column),
    }


NEXT_NUMBER = "UPDATE {room} SET {last} = {last} + 1 WHERE {room_id} = %s RETURNING {last}"


@cache
def _save_next_sql():
    quote = connection.ops.quote_name
    return SAVE_NEXT_POSTGRESQL.format(
        **_room_names(),
        message=quote(Message._meta.db_table),
        message_id=quote(Message._meta.pk.column),
        number=quote(Message._meta.get_field("number").column),
        columns=", ".join(quote(f.column) for f in _saved_fields()),
        values=", ".join(["%s"] * len(_saved_fields())),
    )


SAVE_NEXT_POSTGRESQL = """
WITH next AS (
    UPDATE {room} SET {last} = {last} + 1 WHERE {room_id} = %s
    RETURNING {last}
)
INSERT INTO {message} ({number}, {columns})
VALUES ((SELECT {last} FROM next), {values})
RETURNING {message_id}, {number}
"""


def _require_teacher(user, cohort):
    if not can_teach(user, cohort):
        raise PermissionDenied(_("Only the class's teachers can do that."))


@transaction.atomic
def delete_message(teacher, message, class_):
    """Removed for everyone by a teacher of `class_` (access.may_remove_message)."""
    if not may_remove_message(teacher, message, class_):
        raise PermissionDenied(_("Only the class's teachers can do that."))
    if message.is_deleted:
        return message
    message.deleted_at = timezone.now()
    message.deleted_by = teacher
    message.pinned = False
    message.save(update_fields=["deleted_at", "deleted_by", "pinned"])
    Report.objects.filter(message=message, resolved_at__isnull=True).update(
        resolved_at=message.deleted_at
    )
    tell_room(message.room, deleted_frame(message))
    return message


@transaction.atomic
def mute_student(teacher, cohort, student, minutes):
    """Pause a student of the class (the student or their id) for 1 minute to 7
    days: their messages are refused in the class's rooms and in their practice
    groups (the access queries in rooms.py and practice/rooms.py read the Mute)."""
    _require_teacher(teacher, cohort)
    if not 1 <= minutes <= 7 * 24 * 60:
        raise ValidationError(_("Mute for between 1 minute and 7 days."))
    enrolled = cohort.enrollments.active().select_related("student")
    enrollment = enrolled.filter(student_id=getattr(student, "pk", student)).first()
    if enrollment is None:
        raise ValidationError(_("Only students enrolled in the class can be paused."))
    return Mute.objects.create(
        cohort=cohort,
        student=enrollment.student,
        until=timezone.now() + timedelta(minutes=minutes),
        muted_by=teacher,
    )


@transaction.atomic
def unmute_student(teacher, cohort, student):
    _require_teacher(teacher, cohort)
    Mute.objects.filter(cohort=cohort, student=student, until__gt=timezone.now()).update(
        until=timezone.now()
    )
    # update() sends no signal: the student's kept chat page still says "paused".
    page_versions.bump_users([getattr(student, "pk", student)])


def report_message(reporter, message, reason=""):
    report, _created = Report.objects.get_or_create(
        message=message, reporter=reporter, defaults={"reason": reason[:300]}
    )
    return report


def random_groups(students, size):
    """Split students into groups of about `size` (2–6), none smaller than 2."""
    if size not in GROUP_SIZES:
        raise ValidationError(_("Groups have 2 to 6 students."))
    students = list(students)
    if len(students) < 2:
        raise ValidationError(_("A breakout needs at least 2 students."))
    random.shuffle(students)
    count = max(1, len(students) // size)
    while -(-len(students) // count) > max(GROUP_SIZES):
        count += 1
    return [students[i::count] for i in range(count)]


@transaction.atomic
def open_breakout(teacher, cohort, groups, session=None):
    """Open one room per group of students (each 2–6, all actively enrolled),
    and tell the class: each student reads which group is theirs, with its link."""
    _require_teacher(teacher, cohort)
    opened = _open_groups(cohort, groups, session, opened_by=teacher)
    params = notices.breakout_params(cohort, zip(opened, groups, strict=True))
    post_notice(main_room(cohort), notices.BREAKOUT_OPENED, params)
    triggers.breakout_opened(cohort, zip(opened, groups, strict=True))
    return opened


def _open_groups(cohort, groups, session, opened_by):
    enrolled = set(cohort.enrollments.active().values_list("student_id", flat=True))
    opened = []
    for number, students in enumerate(groups, start=1):
        ids = {s.pk for s in students}
        if len(ids) not in GROUP_SIZES:
            raise ValidationError(_("Each group needs 2 to 6 students."))
        if not ids <= enrolled:
            raise ValidationError(_("Only students enrolled in the class can join a group."))
        group = BreakoutGroup.objects.create(
            cohort=cohort,
            session=session,
            name=_("Group %(n)s") % {"n": number},
            opened_by=opened_by,
        )
        group.members.set(students)
        group_room(group)
        opened.append(group)
    return opened


@transaction.atomic
def close_breakout(teacher, cohort):
    """Close every open group of the class; their history stays readable."""
    _require_teacher(teacher, cohort)
    closed = BreakoutGroup.objects.filter(cohort=cohort).open().update(closed_at=timezone.now())
    bump_class(cohort.pk)  # update() sends no signal: kept pages still list the groups
    return closed


def announce_to_groups(teacher, cohort, text):
    """One announcement into every open group's room (and the main room)."""
    _require_teacher(teacher, cohort)
    rooms = [main_room(cohort)] + [
        group_room(g) for g in BreakoutGroup.objects.filter(cohort=cohort).open()
    ]
    return [post_message(teacher, room, text, kind=MessageKind.ANNOUNCEMENT)[0] for room in rooms]


def post_phrase_of_the_day(teacher, cohort, text):
    """A phrase or idiom shown pinned at the top of the main room."""
    _require_teacher(teacher, cohort)
    room = main_room(cohort)
    with transaction.atomic():
        room.messages.filter(pinned=True).update(pinned=False)
        message, _created = post_message(teacher, room, text, kind=MessageKind.PHRASE, pinned=True)
    return message


def withdraw_from_chat(student_id, cohort_id):
    """Tell a student's open sockets that their membership changed."""
    tell_user(student_id, "membership.changed", class_id=cohort_id)
