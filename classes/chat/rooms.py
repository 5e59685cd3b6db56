"""Who may read and post in which room. One rule, asked in one SQL query (it runs
for every chat message), shared by the consumer and the HTTP pages."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from classes.models import BreakoutGroup, Class, Enrollment, Mute, Room
from learning.roles import Role

# Reasons a send is refused, as protocol error codes; GONE closes the socket.
GONE = "gone"
MUTED = "muted"
CLOSED = "closed"


@dataclass(frozen=True)
class Access:
    readable: bool
    teaching: bool = False
    muted: bool = False
    closed: bool = False


def main_room(cohort):
    room, _created = Room.objects.get_or_create(cohort=cohort, group=None)
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
    return group_room(group) if group else None


def room_access(user, room, session_key=None, now=None):
    """Teachers of the class and managers read and post in every room of it;
    students with an active enrollment read the main room and their groups'
    rooms. An inactive account or an ended sign-in (when a session key is
    given) reads nothing."""
    if not user.is_authenticated:
        return Access(readable=False)
    now = now or timezone.now()
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
    user = OuterRef("pk")
    roles = get_user_model().groups.through.objects.filter(user_id=user)
    return (
        get_user_model()
        .objects.filter(pk=user_id, is_active=True)
        .annotate(
            manager=Exists(roles.filter(group__name=Role.MANAGER.value)),
            teacher=Exists(roles.filter(group__name=Role.TEACHER.value)),
            teaches=Exists(
                Class.teachers.through.objects.filter(class_id=room.cohort_id, user_id=user)
            ),
            enrolled=Exists(
                Enrollment.objects.active().filter(cohort_id=room.cohort_id, student_id=user)
            ),
            in_group=Exists(
                BreakoutGroup.members.through.objects.filter(
                    breakoutgroup_id=room.group_id, user_id=user
                )
            ),
            group_open=Exists(
                BreakoutGroup.objects.filter(pk=room.group_id, closed_at__isnull=True)
            ),
            muted=Exists(
                Mute.objects.filter(cohort_id=room.cohort_id, student_id=user, until__gt=now)
            ),
            signed_in=Exists(
                Session.objects.filter(Q(session_key=session_key or ""), expire_date__gt=now)
            ),
        )
        .values(
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
        .first()
    )


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
