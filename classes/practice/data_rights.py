"""A student's practice groups in their data export and erasure
(classes/data_rights/registry.py). Their messages ride with the chat's."""

from django.utils import timezone

from classes.data_rights.sections import rows
from classes.models import PracticeGroup, PracticeMembership
from classes.page_invalidation import bump_everything


def practice_groups(student):
    return rows(
        PracticeMembership.objects.filter(student=student),
        "status",
        "updated_at",
        group_name="group__name",
        kind="group__kind",
        started_by_them="group__created_by_id",
    )


def groups_started(student):
    return rows(
        PracticeGroup.objects.filter(created_by=student),
        "name",
        "kind",
        "weekday",
        "meets_at",
        "call_link",
        "created_at",
        "closed_at",
    )


def leave_groups(student):
    """The student leaves every group (their places are deleted); the groups they
    started are closed, kept read-only for the other members, their name and
    link cleared."""
    PracticeMembership.objects.filter(student=student).delete()
    bump_everything()  # the other members' pages (classes/page_invalidation.py)
    PracticeGroup.objects.filter(created_by=student).update(name="—", call_link="")
    PracticeGroup.objects.filter(created_by=student, closed_at__isnull=True).update(
        closed_at=timezone.now()
    )
