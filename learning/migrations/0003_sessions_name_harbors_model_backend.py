"""Sessions signed in through Django's ModelBackend name Harbor's instead
(learning.backends.ModelBackend replaced it in AUTHENTICATION_BACKENDS), so
that nobody is signed out by the change."""

from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import migrations

DJANGOS_BACKEND = "django.contrib.auth.backends.ModelBackend"
HARBORS_BACKEND = "learning.backends.ModelBackend"


def rename_backend(apps, old, new):
    Session = apps.get_model("sessions", "Session")
    store = SessionStore()
    for session in Session.objects.iterator():
        data = store.decode(session.session_data)
        if data.get(BACKEND_SESSION_KEY) == old:
            data[BACKEND_SESSION_KEY] = new
            session.session_data = store.encode(data)
            session.save(update_fields=["session_data"])


def to_harbors_backend(apps, schema_editor):
    rename_backend(apps, DJANGOS_BACKEND, HARBORS_BACKEND)


def to_djangos_backend(apps, schema_editor):
    rename_backend(apps, HARBORS_BACKEND, DJANGOS_BACKEND)


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0002_role_groups"),
        ("sessions", "0001_initial"),
    ]

    operations = [migrations.RunPython(to_harbors_backend, to_djangos_backend)]
