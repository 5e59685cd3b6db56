"""Which class a student's work on an assignment belongs to."""

from classes.models import Class
from packets.models import LevelPage
from packets.tree import is_in


def levels_of(assignment):
    """Ids of the level the assignment is under, and of levels its packet is shared into."""
    return LevelPage.objects.offering(assignment).values("pk")


def class_for(student, assignment):
    """The student's active class at the assignment's level (its own level first,
    then a level the packet is shared into), or None if they have none."""
    classes = Class.objects.with_active_student(student).filter(level__in=levels_of(assignment))
    ranked = sorted(
        classes.select_related("level"), key=lambda c: (not is_in(assignment, c.level), c.pk)
    )
    return ranked[0] if ranked else None
