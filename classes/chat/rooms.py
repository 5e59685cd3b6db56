"""Who may read and post in which room. Plain functions shared by the consumer
and the HTTP pages, so both ask the same question the same way."""

from django.utils import timezone

from classes.access import can_teach, is_enrolled
from classes.models import BreakoutGroup, Class, Mute, Room

# Reasons a send is refused, as protocol error codes; GONE closes the socket.
GONE = "gone"
MUTED = "muted"
CLOSED = "closed"


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


def may_read(user, room):
    """Teachers and managers read every room of the class; students read the main
    room of a class they are actively enrolled in, and their own groups' rooms."""
    if can_teach(user, room.cohort):
        return True
    if not is_enrolled(user, room.cohort):
        return False
    return room.group_id is None or room.group.members.filter(pk=user.pk).exists()


def is_muted(user, cohort, now=None):
    now = now or timezone.now()
    return Mute.objects.filter(cohort=cohort, student=user, until__gt=now).exists()


def refusal_to_post(user, room):
    """None when the user may post in the room now, else the reason."""
    if not may_read(user, room):
        return GONE
    if room.group_id and not room.group.is_open:
        return CLOSED
    if not can_teach(user, room.cohort) and is_muted(user, room.cohort):
        return MUTED
    return None
