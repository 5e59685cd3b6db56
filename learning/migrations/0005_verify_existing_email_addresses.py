"""Addresses set before Harbor verified email (by staff, the demo, or typed by
the user when nothing was verified) count as verified: their owners received
packets and password resets there. Each becomes the account's verified, primary
allauth EmailAddress. Two accounts with one address: the first account (by id)
keeps it verified, the other holds it unverified until staff change it."""

from django.db import migrations


def verify_existing_addresses(apps, schema_editor):
    User = apps.get_model("learning", "User")
    EmailAddress = apps.get_model("account", "EmailAddress")
    held = EmailAddress.objects.filter(verified=True).values_list("email", flat=True)
    verified = {email.lower() for email in held}
    for user in User.objects.exclude(email="").order_by("pk").iterator():
        email = user.email.strip().lower()
        if not email or EmailAddress.objects.filter(user_id=user.pk, email__iexact=email).exists():
            continue
        EmailAddress.objects.filter(user_id=user.pk).delete()
        EmailAddress.objects.create(
            user_id=user.pk, email=email, primary=True, verified=email not in verified
        )
        verified.add(email)


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0004_display_names_on_one_line"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [migrations.RunPython(verify_existing_addresses, migrations.RunPython.noop)]
