"""The three roles, as Django groups.

Groups rather than a role field: Wagtail's page and collection permissions are
given to groups, so a teacher's rights in the admin follow from their group.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    STUDENT = "Students", _("Student")
    TEACHER = "Teachers", _("Teacher")
    MANAGER = "Managers", _("Manager")


# Roles that work in the Wagtail admin. Students never do.
STAFF_ROLES = (Role.TEACHER, Role.MANAGER)


def ensure_role_groups(group_model, permission_model):
    """Create the role groups; teachers and managers may open the Wagtail admin.

    Idempotent: used by the data migration and safe to call again.
    """
    access_admin = permission_model.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    for role in Role:
        group, _created = group_model.objects.get_or_create(name=role.value)
        if access_admin and role in STAFF_ROLES:
            group.permissions.add(access_admin)


# Not a role but a duty: staff in this group run the lending desk (add devices,
# lend and take them back) without being managers. Managers add people to it in
# the Wagtail admin (Settings → Users); classes/access.py asks for its permission.
LOAN_STAFF_GROUP = "Loan staff"
LOAN_PERMISSION = "classes.manage_loans"


# The same for intake (classes/models/intake.py): front-desk staff who record
# students' intake for the federal tables without being managers.
INTAKE_STAFF_GROUP = "Intake staff"
INTAKE_PERMISSION = "classes.manage_intake"


def ensure_duty_group(group_model, permission_model, name, permission_name):
    """A duty's group holding its one permission; idempotent."""
    app_label, codename = permission_name.split(".")
    permission = permission_model.objects.get(content_type__app_label=app_label, codename=codename)
    group, _created = group_model.objects.get_or_create(name=name)
    group.permissions.add(permission)
    return group


def ensure_loan_staff_group(group_model, permission_model):
    """The group with the permission to manage loans; idempotent."""
    return ensure_duty_group(group_model, permission_model, LOAN_STAFF_GROUP, LOAN_PERMISSION)
