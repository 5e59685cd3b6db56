"""How students get into a class: added by a teacher (with a new account when
they have no email) or joining with the class's code."""

import secrets

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from classes.chat.services import withdraw_from_chat
from classes.models import Class, Enrollment, EnrollmentStatus
from classes.models.cohorts import JOIN_CODE_ALPHABET, new_join_code
from learning.models import User
from learning.roles import Role

# Temporary passwords are read off a printed card: no look-alike characters.
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


@transaction.atomic
def enroll(student: User, class_: Class, *, added_by: User | None = None) -> Enrollment:
    """Put a student in a class; a withdrawn student comes back with their history."""
    if not student.is_student:
        raise ValidationError(_("Only students can be enrolled in a class."))
    enrollment = Enrollment.objects.select_for_update().filter(student=student, cohort=class_)
    enrollment = enrollment.first()
    if enrollment is None:
        return Enrollment.objects.create(student=student, cohort=class_, added_by=added_by)
    if enrollment.is_active:
        raise ValidationError(
            _("%(name)s is already in %(class)s.") % {"name": student.name, "class": class_.name}
        )
    enrollment.status, enrollment.ended_on = EnrollmentStatus.ACTIVE, None
    enrollment.save(update_fields=["status", "ended_on"])
    return enrollment


def normalize_join_code(text):
    """People type codes with spaces, dashes or in lower case."""
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())


def join_with_code(student: User, code: str) -> Enrollment:
    code = normalize_join_code(code)
    if not code or any(ch not in JOIN_CODE_ALPHABET for ch in code):
        raise ValidationError(_("That code is not right. Check it with your teacher."))
    class_ = Class.objects.filter(join_code=code).first()
    if class_ is None:
        raise ValidationError(_("That code is not right. Check it with your teacher."))
    if class_.term_end < timezone.localdate():
        raise ValidationError(_("That class has ended: its code no longer works."))
    return enroll(student, class_)


def regenerate_join_code(class_: Class) -> str:
    """A new code; the old one stops working at once."""
    class_.join_code = new_join_code()
    while Class.objects.filter(join_code=class_.join_code).exists():
        class_.join_code = new_join_code()
    class_.save(update_fields=["join_code"])
    return class_.join_code


@transaction.atomic
def withdraw(enrollment: Enrollment, *, status: str = EnrollmentStatus.WITHDRAWN) -> Enrollment:
    """End an enrollment; attendance and work stay in the records."""
    enrollment.status = status
    enrollment.ended_on = timezone.localdate()
    enrollment.save(update_fields=["status", "ended_on"])
    # Their open chat sockets close within seconds (after this commits).
    withdraw_from_chat(enrollment.student_id, enrollment.cohort_id)
    return enrollment


def temporary_password():
    groups = ("".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(4)) for _ in range(3))
    return "-".join(groups)


def free_username(name, taken):
    User = get_user_model()
    base = slugify(name).replace("-", ".")[:20] or "student"
    number = 1
    while True:
        candidate = f"{base}{number}"
        if candidate not in taken and not User.objects.filter(username=candidate).exists():
            return candidate
        number += 1


@transaction.atomic
def create_student_accounts(
    class_: Class, names: list[str], *, added_by: User
) -> list[tuple[User, str]]:
    """New student accounts (no email) enrolled in the class.

    Returns (user, temporary password) pairs: the password is shown once, on the
    printable sign-in cards, and only its hash is stored."""
    User = get_user_model()
    created, taken = [], set()
    for name in names:
        username = free_username(name, taken)
        taken.add(username)
        password = temporary_password()
        user = User.objects.create_user(username=username, password=password, display_name=name)
        user.add_role(Role.STUDENT)
        enroll(user, class_, added_by=added_by)
        created.append((user, password))
    return created


def parse_names(text):
    """One student per line; blank lines ignored; each name at most 150 characters."""
    names = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if not names:
        raise ValidationError(_("Write at least one name, one per line."))
    if len(names) > 60:
        raise ValidationError(_("Add at most 60 students at a time."))
    if any(len(name) > 150 for name in names):
        raise ValidationError(_("A name can be at most 150 characters long."))
    return names


def issue_temporary_password(student: User) -> str:
    """A new temporary password for a student who signs in without email (they
    forgot it). Accounts with an email address reset their own password by email,
    so a teacher can never take one of those over."""
    if not student.is_student or student.email:
        raise ValidationError(
            _("Only students without email get a new password from their teacher.")
        )
    password = temporary_password()
    student.set_password(password)
    student.save(update_fields=["password"])
    return password
