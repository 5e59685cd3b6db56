"""Erasing a student on request: what each kind of data becomes is in registry.py."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from classes.chat.broadcast import tell_user
from classes.data_rights.registry import STUDENT_DATA
from classes.models import AuditAction
from classes.page_invalidation import bump_everything
from classes.records.audit import record_access
from learning.roles import STAFF_ROLES, Role


def refusal_to_erase(student):
    """Students only (an inactive account too); staff accounts are the program's."""
    roles = student.role_names
    if Role.STUDENT.value not in roles or student.is_superuser or set(roles) & STAFF:
        return _("Only a student's account can be erased here.")
    return None


STAFF = {role.value for role in STAFF_ROLES}


@transaction.atomic
def erase_student(student, *, by, target):
    """Erase everything that names the student, keep the anonymous counts, end
    their sign-ins and close their open chat, and audit who did it."""
    reason = refusal_to_erase(student)
    if reason:
        raise ValidationError(reason)
    student_id = student.pk
    for rule in STUDENT_DATA.values():
        rule.erase(student)
    record_access(by, AuditAction.ERASE, target, [student_id])
    bump_everything()  # their messages and work leave other people's pages too
    tell_user(student_id, "session.ended")
