"""Who may read and post in which room, and whether a sender is over the rate
limit. One rule, asked in one SQL query (it runs for every chat message), shared
by the consumer and the HTTP pages; the rate limit's setting is read here, and
counted where the message is saved (services._save_next).
"""

import re
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.utils import timezone

from classes.models import (
    BreakoutGroup,
    Class,
    Enrollment,
    EnrollmentStatus,
    Mute,
    Room,
)
from learning.roles import Role

# Reasons a send is refused, as protocol error codes; GONE closes the socket.
GONE = "gone"
MUTED = "muted"
CLOSED = "closed"
RATE_LIMITED = "rate_limited"


@dataclass(frozen=True)
class Access:
    readable: bool
    teaching: bool = False
    muted: bool = False
    closed: bool = False


def main_room(cohort):
    room, _created = Room.objects.get_or_create(cohort=cohort, group=None)
    room.cohort = cohort  # the page reads it: no second query for the class
    return room


def group_room(group):
    room, _created = Room.objects.get_or_create(cohort_id=group.cohort_id, group=group)
    return room


def find_room(class_id, group_id=None):
    """The room for a URL's ids, or None when the class or group does not exist."""
    cohort = Class.objects.filter(pk=class_id).first()
    if cohort is None:
        return None
    if group_id is None:
        return main_room(cohort)
    group = BreakoutGroup.objects.filter(pk=group_id, cohort=cohort).first()
    if group is None:
        return None
    room = group_room(group)
    room.cohort = cohort
    return room


def room_access(user, room, session_key=None, now=None):
    """Teachers of the class and managers read and post in every room of it;
    students with an active enrollment read the main room and their groups'
    rooms. An inactive account, one still on the temporary password from its
    sign-in card (the first sign-in steps come first, learning/welcome/), or an
    ended sign-in (when a session key is given) reads nothing. (The rate limit
    is counted where the message is saved, under a lock: classes/chat/services.py.)"""
    if not user.is_authenticated:
        return Access(readable=False)
    now = now or timezone.now()
    if room.practice_group_id is not None:
        # A students' practice group: its members only (classes/practice/rooms.py).
        from classes.practice.rooms import practice_access

        return practice_access(Access, user, room, session_key, now)
    row = _access_row(user.pk, room, session_key, now)
    if row is None or (session_key and not row["signed_in"]):
        return Access(readable=False)
    teaching = row["is_superuser"] or row["manager"] or (row["teacher"] and row["teaches"])
    member = row["enrolled"] and (room.group_id is None or row["in_group"])
    return Access(
        readable=teaching or member,
        teaching=teaching,
        muted=row["muted"] and not teaching,
        closed=room.group_id is not None and not row["group_open"],
    )


def _access_row(user_id, room, session_key, now):
    params = {
        "user": user_id,
        "cohort": room.cohort_id,
        "group": room.group_id,
        "session_key": session_key or "",
        "now": connection.ops.adapt_datetimefield_value(now),
        "manager": Role.MANAGER.value,
        "teacher": Role.TEACHER.value,
        "active": EnrollmentStatus.ACTIVE.value,
    }
    row = fetch_one(_access_sql(), params)
    if row is None:
        return None
    return dict(zip(ACCESS_FLAGS, (bool(flag) for flag in row), strict=True))


ACCESS_FLAGS = (
    "is_superuser",
    "manager",
    "teacher",
    "teaches",
    "enrolled",
    "in_group",
    "group_open",
    "muted",
    "signed_in",
)


@cache
def _access_sql():
    """The access row in one statement, written out: the same query built with
    the ORM (eight Exists annotations) cost about 3.6 ms of CPU per message in
    Python alone, most of a send's work (docs/BENCHMARKS.md, "Class chat fan-out")."""
    user_model = get_user_model()
    tables = {
        "user": user_model._meta.db_table,
        "user_groups": user_model.groups.through._meta.db_table,
        "group": user_model.groups.field.related_model._meta.db_table,
        "teachers": Class.teachers.through._meta.db_table,
        "enrollment": Enrollment._meta.db_table,
        "members": BreakoutGroup.members.through._meta.db_table,
        "breakout": BreakoutGroup._meta.db_table,
        "mute": Mute._meta.db_table,
        "session": Session._meta.db_table,
    }
    return ACCESS_SQL.format(**{name: connection.ops.quote_name(t) for name, t in tables.items()})


ACCESS_SQL = """
SELECT u.is_superuser,
  EXISTS (SELECT 1 FROM {user_groups} ug JOIN {group} g ON g.id = ug.group_id
          WHERE ug.user_id = u.id AND g.name = %(manager)s),
  EXISTS (SELECT 1 FROM {user_groups} ug JOIN {group} g ON g.id = ug.group_id
          WHERE ug.user_id = u.id AND g.name = %(teacher)s),
  EXISTS (SELECT 1 FROM {teachers} t WHERE t.class_id = %(cohort)s AND t.user_id = u.id),
  EXISTS (SELECT 1 FROM {enrollment} e
          WHERE e.cohort_id = %(cohort)s AND e.student_id = u.id AND e.status = %(active)s),
  EXISTS (SELECT 1 FROM {members} m WHERE m.breakoutgroup_id = %(group)s AND m.user_id = u.id),
  EXISTS (SELECT 1 FROM {breakout} b WHERE b.id = %(group)s AND b.closed_at IS NULL),
  EXISTS (SELECT 1 FROM {mute} mu
          WHERE mu.cohort_id = %(cohort)s AND mu.student_id = u.id AND mu.until > %(now)s),
  EXISTS (SELECT 1 FROM {session} s
          WHERE s.session_key = %(session_key)s AND s.expire_date > %(now)s)
FROM {user} u
WHERE u.id = %(user)s AND u.is_active AND NOT u.password_is_temporary
"""


def fetch_one(sql, params):
    """The first row of `sql` (with %(name)s or %s parameters), or None. On
    PostgreSQL the statement is prepared by psycopg once it has run a few times
    on a connection (Django's server-side binding: learning/settings/env.py)."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def may_read(user, room):
    return room_access(user, room).readable


def refusal_to_post(user, room, session_key=None):
    """None when the user may post in the room now, else the reason."""
    access = room_access(user, room, session_key)
    if not access.readable:
        return GONE
    if access.closed:
        return CLOSED
    if access.muted:
        return MUTED
    return None


# Chat rate limit: at most N messages per user in a sliding window of S seconds.
#
# Read from CHAT_RATE_LIMIT ("5/10s" by default) so load tests can raise it. Counted
# from the messages themselves (the user's chat messages saved in the window, in
# every room), so every server process counts the same messages, and counted under
# a lock on the sender in the transaction that saves the message
# (services._save_next), so parallel sockets of one user cannot all slip under it.


LIMIT_PATTERN = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*s\s*$")


@dataclass(frozen=True)
class RateLimit:
    messages: int
    seconds: int


def parse_rate_limit(value):
    match = LIMIT_PATTERN.match(value or "")
    if not match or int(match[1]) < 1 or int(match[2]) < 1:
        raise ImproperlyConfigured(
            f"CHAT_RATE_LIMIT must look like 5/10s (messages/seconds), not {value!r}."
        )
    return RateLimit(messages=int(match[1]), seconds=int(match[2]))


def chat_rate_limit():
    return parse_rate_limit(settings.CHAT_RATE_LIMIT)
