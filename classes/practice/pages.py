"""What the practice pages, the student's home and the class page show."""

from django.db.models import Prefetch

from classes.access import classmates, practice_groups_seen_by
from classes.models import MembershipStatus, PracticeGroup, PracticeMembership

SHOWN = (MembershipStatus.ACCEPTED, MembershipStatus.INVITED)


def _with_people(groups):
    places = PracticeMembership.objects.filter(status__in=SHOWN).select_related("student")
    places = places.order_by("student__display_name", "student__username")
    return groups.prefetch_related(Prefetch("memberships", queryset=places, to_attr="places"))


def student_panels(student):
    """The student's home: their groups (newest first) and their invitations."""
    mine = PracticeGroup.objects.filter(
        memberships__student=student, memberships__status=MembershipStatus.ACCEPTED
    )
    invited = PracticeGroup.objects.open().filter(
        memberships__student=student, memberships__status=MembershipStatus.INVITED
    )
    return {
        "practice_groups": list(mine.order_by("closed_at", "-created_at")[:20]),
        "practice_invitations": list(invited.select_related("created_by")[:20]),
    }


def groups_for_teachers(user, class_):
    """ "Practice groups your students are in": names and people, never messages."""
    return list(_with_people(practice_groups_seen_by(user, class_)).order_by("-created_at")[:30])


def group_people(group):
    return list(_with_people(PracticeGroup.objects.filter(pk=group.pk))[0].places)


def invitable(creator, group):
    taken = group.memberships.filter(status__in=SHOWN).values("student_id")
    people = classmates(creator).exclude(pk__in=taken)
    return list(people.order_by("display_name", "username"))
