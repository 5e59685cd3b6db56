from django.db import migrations

from learning.roles import ensure_loan_staff_group


def add_group(apps, schema_editor):
    """Permissions are made after migrations run; this one is needed now."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    device_type, _created = ContentType.objects.get_or_create(app_label="classes", model="device")
    Permission.objects.get_or_create(
        content_type=device_type,
        codename="manage_loans",
        defaults={"name": "Can add devices, lend them and take them back"},
    )
    ensure_loan_staff_group(apps.get_model("auth", "Group"), Permission)


class Migration(migrations.Migration):
    dependencies = [
        ("classes", "0012_device_loans"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(add_group, migrations.RunPython.noop)]
