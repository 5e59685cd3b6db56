"""How students get into a class: added by a teacher (with a new account when
they have no email) or joining with the class's code."""

import secrets

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from classes.access import can_teach, may_reset_password, refusal_to_add
from classes.chat.services import withdraw_from_chat
from classes.models import Class, Enrollment, EnrollmentStatus, JoinRequest, JoinRequestStatus
from classes.models.cohorts import JOIN_CODE_ALPHABET, new_join_code
from learning.models import User
from learning.once import claimed_in_cache
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


def current_levels(student):
    """The levels of the student's active classes."""
    return set(
        Enrollment.objects.active().of_student(student).values_list("cohort__level_id", flat=True)
    )


def join_with_code(student: User, code: str) -> Enrollment | JoinRequest:
    """Join the class with this code. A class of another level than the student's
    current classes waits for its teacher's approval: a JoinRequest, which opens
    nothing until then. A student in no class, or joining their own level, is in."""
    code = normalize_join_code(code)
    if not code or any(ch not in JOIN_CODE_ALPHABET for ch in code):
        raise ValidationError(_("That code is not right. Check it with your teacher."))
    class_ = Class.objects.filter(join_code=code).first()
    if class_ is None:
        raise ValidationError(_("That code is not right. Check it with your teacher."))
    if class_.term_end < timezone.localdate():
        raise ValidationError(_("That class has ended: its code no longer works."))
    levels = current_levels(student)
    if not levels or class_.level_id in levels:
        return enroll(student, class_)
    return ask_to_join(student, class_)


@transaction.atomic
def ask_to_join(student: User, class_: Class) -> JoinRequest:
    if not student.is_student:
        raise ValidationError(_("Only students can be enrolled in a class."))
    if Enrollment.objects.active().filter(student=student, cohort=class_).exists():
        raise ValidationError(
            _("%(name)s is already in %(class)s.") % {"name": student.name, "class": class_.name}
        )
    request, _created = JoinRequest.objects.get_or_create(
        student=student, cohort=class_, status=JoinRequestStatus.WAITING
    )
    return request


@transaction.atomic
def decide_join_request(join_request: JoinRequest, *, approve: bool, by: User) -> JoinRequest:
    """A teacher of the class (or a manager) lets the student in, or not."""
    join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if not can_teach(by, join_request.cohort):
        raise PermissionDenied
    if join_request.status != JoinRequestStatus.WAITING:
        return join_request  # decided already (a second tap): nothing changes
    if approve:
        enroll(join_request.student, join_request.cohort, added_by=by)
    join_request.status = JoinRequestStatus.APPROVED if approve else JoinRequestStatus.DECLINED
    join_request.decided_at, join_request.decided_by = timezone.now(), by
    join_request.save(update_fields=["status", "decided_at", "decided_by"])
    return join_request


@transaction.atomic
def add_existing_student(class_: Class, student: User, *, by: User, move=False) -> Enrollment:
    """A teacher (or manager) puts an existing account in the class, within the
    rules of classes/access.py. `move` (managers only) withdraws the student
    from their other active classes first."""
    if move and by.is_manager:
        others = Enrollment.objects.active().of_student(student).exclude(cohort=class_)
        for enrollment in others.select_related("cohort"):
            withdraw(enrollment)
    reason = refusal_to_add(by, class_, student)
    if reason:
        raise ValidationError(reason)
    return enroll(student, class_, added_by=by)


@transaction.atomic
def enroll_again(enrollment: Enrollment, *, by: User) -> Enrollment:
    """Undo a withdrawal, within the same rule as adding the student."""
    reason = refusal_to_add(by, enrollment.cohort, enrollment.student)
    if reason:
        raise ValidationError(reason)
    return enroll(enrollment.student, enrollment.cohort)


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
    class_: Class, names: list[str], *, added_by: User, language: str = "en"
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
        user = User.objects.create_user(
            username=username,
            password=password,
            password_is_temporary=True,
            display_name=name,
            preferred_language=language,
        )
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


def issue_temporary_password(student: User, *, by: User) -> str:
    """A new temporary password for a student who signs in without email (they
    forgot it). Who may: classes/access.py `may_reset_password` (a teacher only
    for students active in their classes alone, so no teacher can take over
    another's student). The student's other sign-ins end with the old password."""
    if not may_reset_password(by, student):
        if student.email and not by.is_manager:
            reason = _(
                "Only students without email get a new password from their teacher: "
                "%(name)s can reset theirs with “Forgot your password?”."
            )
        else:
            reason = _(
                "%(name)s is also in another teacher's class: ask a manager for their new password."
            )
        raise ValidationError(reason % {"name": student.name})
    password = temporary_password()
    student.set_password(password)
    student.password_is_temporary = True  # they choose their own at their next sign-in
    student.save(update_fields=["password", "password_is_temporary"])
    return password


def enroll_existing(class_: Class, username: str, *, by: User, move=False) -> Enrollment:
    student = get_user_model().objects.filter(username__iexact=username.strip()).first()
    if student is None:
        raise ValidationError(_("No account has the username %(name)s.") % {"name": username})
    return add_existing_student(class_, student, by=by, move=move)


def add_students_from_form(class_: Class, data: dict, *, by: User, token: str):
    """The add-students form, done once per token: (new accounts with their
    temporary passwords, True), or ([], False) when this form was sent before.
    Both parts of the form, or neither: one bad line leaves nothing half-done
    (ValidationError) and the form may be sent again. The passwords are shown
    once and never stored, so the token is claimed in the cache (learning/once.py)."""
    with claimed_in_cache("classes:add-students", token) as first:
        if not first:
            return [], False
        return _add_students(class_, data, by), True


@transaction.atomic
def _add_students(class_, data, by):
    if data.get("username", "").strip():
        enroll_existing(class_, data["username"], by=by, move=data.get("move", False))
    language = data.get("language") or "en"
    names = data.get("name_list", [])
    return create_student_accounts(class_, names, added_by=by, language=language)
