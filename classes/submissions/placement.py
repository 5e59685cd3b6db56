"""Which class a student's work on an assignment belongs to."""

from django.db.models import Q

from classes.models import Class
from packets.models import LevelPage, PacketPage


def level_path(page):
    """The tree path of the level a packet or assignment sits under."""
    return page.path[: LevelPage.steplen * 3]


def levels_of(assignment):
    """Ids of the level the assignment is under, and of levels its packet is shared into."""
    packet_path = assignment.path[: PacketPage.steplen * 4]
    shared = Q(shared_packets__packet__path=packet_path)
    return LevelPage.objects.filter(Q(path=level_path(assignment)) | shared).values("pk")


def class_for(student, assignment):
    """The student's active class at the assignment's level (its own level first,
    then a level the packet is shared into), or None if they have none."""
    classes = Class.objects.with_active_student(student).filter(level__in=levels_of(assignment))
    own_level = level_path(assignment)
    ranked = sorted(
        classes.select_related("level"), key=lambda c: (c.level.path != own_level, c.pk)
    )
    return ranked[0] if ranked else None
