"""Writes of practice groups, one function per verb, each in one transaction.
The limits are counted under a row lock (the group's, or for a student's count
of groups their own account's), so parallel requests cannot pass them together.
PermissionDenied: not theirs to do; ValidationError: a clear reason (a 400)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from classes.access import (
    classmates,
    may_answer_invitation,
    may_create_practice_group,
    may_manage_practice,
)
from classes.chat.broadcast import tell_user
from classes.models import MembershipStatus, PracticeGroup, PracticeMembership
from classes.notices.triggers import practice_invitation
from classes.page_invalidation import bump_practice_group
from classes.practice.rooms import practice_room

MAX_OPEN_GROUPS = 10  # open groups a student is a member of
MAX_MEMBERS = 12  # members and pending invitations of one group
TAKEN = (MembershipStatus.INVITED, MembershipStatus.ACCEPTED)


def _lock_student(student):
    get_user_model().objects.select_for_update().filter(pk=student.pk).first()


def _lock_group(group):
    return PracticeGroup.objects.select_for_update().get(pk=group.pk)


def open_groups_of(student):
    return PracticeGroup.objects.open().filter(
        memberships__student=student, memberships__status=MembershipStatus.ACCEPTED
    )


def _refuse_over_group_limit(student):
    if open_groups_of(student).count() >= MAX_OPEN_GROUPS:
        raise ValidationError(
            _("You are already in %(n)s open practice groups: leave or close one first.")
            % {"n": MAX_OPEN_GROUPS}
        )


@transaction.atomic
def create_group(student, name, kind, weekday=None, meets_at=None, call_link=""):
    if not may_create_practice_group(student):
        raise PermissionDenied(_("Only students in a class can start a practice group."))
    _lock_student(student)
    _refuse_over_group_limit(student)
    group = PracticeGroup.objects.create(
        name=name,
        kind=kind,
        weekday=weekday,
        meets_at=meets_at,
        call_link=call_link,
        created_by=student,
    )
    PracticeMembership.objects.create(
        group=group, student=student, status=MembershipStatus.ACCEPTED, invited_by=student
    )
    practice_room(group)
    return group


def _refuse_closed(group):
    if not group.is_open:
        raise ValidationError(_("This practice group is closed."))


@transaction.atomic
def invite(creator, group, student_ids):
    """Invite classmates of the creator (students actively enrolled in one of
    their classes); returns how many were invited."""
    group = _lock_group(group)
    if not may_manage_practice(creator, group):
        raise PermissionDenied(_("Only the student who started the group can invite."))
    _refuse_closed(group)
    ids = set(student_ids)
    if not ids:
        raise ValidationError(_("Choose at least one classmate to invite."))
    allowed = set(classmates(creator).filter(pk__in=ids).values_list("pk", flat=True))
    if ids - allowed:
        raise ValidationError(_("You can invite only students who are in a class with you."))
    places = {m.student_id: m for m in group.memberships.filter(student_id__in=ids)}
    new = [i for i in ids if i not in places or places[i].status not in TAKEN]
    taken = group.memberships.filter(status__in=TAKEN).count()
    if taken + len(new) > MAX_MEMBERS:
        raise ValidationError(
            _("A practice group has at most %(n)s members and invitations.") % {"n": MAX_MEMBERS}
        )
    now = timezone.now()
    for student_id in new:
        PracticeMembership.objects.update_or_create(
            group=group,
            student_id=student_id,
            defaults={"status": MembershipStatus.INVITED, "invited_by": creator, "updated_at": now},
        )
    practice_invitation(group, new)
    return len(new)


@transaction.atomic
def answer_invitation(student, group, accept):
    if not may_answer_invitation(student, group):
        raise ValidationError(_("There is no invitation to this group for you."))
    group = _lock_group(group)
    if accept:
        _refuse_closed(group)
        _lock_student(student)
        _refuse_over_group_limit(student)
    status = MembershipStatus.ACCEPTED if accept else MembershipStatus.DECLINED
    group.memberships.filter(student=student, status=MembershipStatus.INVITED).update(
        status=status, updated_at=timezone.now()
    )
    bump_practice_group(group.pk)  # bulk writes send no signal (classes/page_invalidation.py)
    return group


@transaction.atomic
def remove_member(creator, group, student_id):
    group = _lock_group(group)
    if not may_manage_practice(creator, group):
        raise PermissionDenied(_("Only the student who started the group can remove members."))
    if student_id == creator.pk:
        raise ValidationError(_("You started this group: close it instead."))
    removed = group.memberships.filter(student_id=student_id, status__in=TAKEN).update(
        status=MembershipStatus.REMOVED, updated_at=timezone.now()
    )
    if not removed:
        raise ValidationError(_("That student is not in this group."))
    bump_practice_group(group.pk)  # bulk writes send no signal (classes/page_invalidation.py)
    # Their open sockets check again and close (as for a withdrawn student).
    tell_user(student_id, "membership.changed")


@transaction.atomic
def leave_group(student, group):
    """A member leaves of their own accord; the one who started it closes it instead."""
    group = _lock_group(group)
    if group.created_by_id == student.pk:
        raise ValidationError(_("You started this group: close it instead."))
    left = group.memberships.filter(student=student, status=MembershipStatus.ACCEPTED).update(
        status=MembershipStatus.LEFT, updated_at=timezone.now()
    )
    if not left:
        raise ValidationError(_("You are not in this group."))
    bump_practice_group(group.pk)  # bulk writes send no signal (classes/page_invalidation.py)
    tell_user(student.pk, "membership.changed")


@transaction.atomic
def close_group(creator, group):
    """Closed: read-only for its members, no new messages; it no longer counts
    towards anyone's open groups."""
    group = _lock_group(group)
    if not may_manage_practice(creator, group):
        raise PermissionDenied(_("Only the student who started the group can close it."))
    if group.is_open:
        group.closed_at = timezone.now()
        group.save(update_fields=["closed_at"])
    return group
