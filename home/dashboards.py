"""What a signed-in user sees first, by role. Later features add their panels here."""

from django.utils.translation import gettext_lazy as _

from classes.dashboards import student_panels, teacher_panels
from learning.roles import Role

# Panels shown under the greeting, by role.
PANELS = {Role.STUDENT: student_panels, Role.TEACHER: teacher_panels}

GREETINGS = {
    Role.STUDENT: _("Here are your classes and this week's work."),
    Role.TEACHER: _("Here are your classes and today's sessions."),
    Role.MANAGER: _("Here is how every level is doing."),
}


def dashboard_context(user):
    if not user.is_authenticated:
        return {"role": None}
    role = user.role
    panels = PANELS.get(role)
    return {
        **(panels(user) if panels else {}),
        "role": role,
        "role_label": role.label if role else "",
        "greeting": GREETINGS.get(role, _("Your account has no role yet: ask your program.")),
        "can_open_admin": role in (Role.TEACHER, Role.MANAGER),
    }
