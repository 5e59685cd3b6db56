from django.db import migrations

from learning.roles import ensure_role_groups


def create_role_groups(apps, schema_editor):
    ensure_role_groups(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_role_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=["Students", "Teachers", "Managers"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0001_user_with_display_name_and_language"),
        # Creates the "can access Wagtail admin" permission given to staff roles.
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        # Wagtail's one-off migrations that give every admin group the right to
        # choose any image and document (root collection) run first: after the
        # role groups exist they would hand that right to every teacher. Which
        # order the plan took depended on unrelated migrations elsewhere.
        ("wagtailimages", "0023_add_choose_permissions"),
        ("wagtaildocs", "0011_add_choose_permissions"),
    ]

    operations = [migrations.RunPython(create_role_groups, remove_role_groups)]
