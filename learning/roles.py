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
