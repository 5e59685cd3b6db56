"""A practice group's chat room and who may read and post there, in one SQL
query (it runs for every message, as the class chat's does: classes/chat/rooms.py).
It restates classes.access.may_read_practice: an active student account, off its
temporary password, in at least one class, an accepted member of the group.
Teachers and managers are not members, so they read nothing here."""

from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import connection

from classes.chat.rooms import fetch_one
from classes.models import (
    Enrollment,
    EnrollmentStatus,
    MembershipStatus,
    Mute,
    PracticeGroup,
    PracticeMembership,
    Room,
)


def practice_room(group):
    room, _created = Room.objects.get_or_create(practice_group=group)
    return room


def find_practice_room(group_id):
    group = PracticeGroup.objects.filter(pk=group_id).first()
    return practice_room(group) if group else None


def practice_access(access_class, user, room, session_key, now):
    params = {
        "user": user.pk,
        "group": room.practice_group_id,
        "session_key": session_key or "",
        "now": connection.ops.adapt_datetimefield_value(now),
        "accepted": MembershipStatus.ACCEPTED.value,
        "active": EnrollmentStatus.ACTIVE.value,
    }
    row = fetch_one(_access_sql(), params)
    if row is None:
        return access_class(readable=False)
    member, enrolled, group_open, muted, signed_in = (bool(flag) for flag in row)
    if session_key and not signed_in:
        return access_class(readable=False)
    # A mute in any of the student's classes holds in their practice groups too.
    return access_class(readable=member and enrolled, muted=muted, closed=not group_open)


@cache
def _access_sql():
    tables = {
        "user": get_user_model()._meta.db_table,
        "membership": PracticeMembership._meta.db_table,
        "enrollment": Enrollment._meta.db_table,
        "practice": PracticeGroup._meta.db_table,
        "mute": Mute._meta.db_table,
        "session": Session._meta.db_table,
    }
    return ACCESS_SQL.format(**{name: connection.ops.quote_name(t) for name, t in tables.items()})


ACCESS_SQL = """
SELECT
  EXISTS (SELECT 1 FROM {membership} m
          WHERE m.group_id = %(group)s AND m.student_id = u.id AND m.status = %(accepted)s),
  EXISTS (SELECT 1 FROM {enrollment} e WHERE e.student_id = u.id AND e.status = %(active)s),
  EXISTS (SELECT 1 FROM {practice} p WHERE p.id = %(group)s AND p.closed_at IS NULL),
  EXISTS (SELECT 1 FROM {mute} mu WHERE mu.student_id = u.id AND mu.until > %(now)s),
  EXISTS (SELECT 1 FROM {session} s
          WHERE s.session_key = %(session_key)s AND s.expire_date > %(now)s)
FROM {user} u
WHERE u.id = %(user)s AND u.is_active AND NOT u.password_is_temporary
"""
