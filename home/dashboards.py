"""What a signed-in user sees first, by role. Later features add their panels here."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from classes import dashboards as class_panels
from classes.access import can_manage_intake, can_manage_loans
from classes.loans import selectors as loans
from classes.practice import pages as practice_pages
from learning.roles import Role
from packets.flashcards.progress import due_today_by_packet
from packets.privacy import page_access

# The classes app's panels shown under the greeting, by role.
CLASS_PANELS = {
    Role.STUDENT: class_panels.student_panels,
    Role.TEACHER: class_panels.teacher_panels,
}

GREETINGS = {
    Role.STUDENT: _("Here are your classes and this week's work."),
    Role.TEACHER: _("Here are your classes and today's sessions."),
    Role.MANAGER: _("Here is how every level is doing."),
}


def dashboard_context(request):
    user = request.user
    if not user.is_authenticated:
        return {"role": None}
    role = user.role
    panels = CLASS_PANELS.get(role)
    return {
        **(panels(user, viewable=page_access(request).viewable) if panels else {}),
        "role": role,
        "role_label": role.label if role else "",
        "greeting": GREETINGS.get(role, _("Your account has no role yet: ask your program.")),
        "can_open_admin": role in (Role.TEACHER, Role.MANAGER),
        "can_open_records": role in (Role.TEACHER, Role.MANAGER),
        **staff_duties(user, role),
        **flashcard_panels(user, role),
        **loan_panels(user, role),
        **(practice_pages.student_panels(user) if role == Role.STUDENT else {}),
    }


def staff_duties(user, role):
    """Duties a manager gives staff who may have no role of their own. Not
    asked of students: reading permissions costs two queries on their home."""
    if role == Role.STUDENT:
        return {"can_open_loans": False, "can_take_intake": False}
    return {
        "can_open_loans": role in (Role.TEACHER, Role.MANAGER) or can_manage_loans(user),
        "can_take_intake": can_manage_intake(user),
    }


def flashcard_panels(user, role):
    if role != Role.STUDENT:
        return {}
    due = due_today_by_packet(user, timezone.now())
    return {"flashcards_due": due, "flashcards_due_total": sum(count for _p, count in due)}


def loan_panels(user, role):
    """A student's devices on loan (with the day each is due back) and their
    answer to "do you have a device to study on?"."""
    if role != Role.STUDENT:
        return {}
    return {
        "my_loans": loans.loans_of_student(user, open_only=True),
        "no_device": loans.has_no_device(user),
        "today": timezone.localdate(),
    }
