"""Sessions and their user are read with one plain query each
(learning/sessions.py, learning/backends.py): signing in, staying signed in,
expiry and signing out behave as Django's own."""

import importlib
from datetime import timedelta

import pytest
from django.apps import apps as django_apps
from django.contrib.sessions.models import Session
from django.test import override_settings
from django.utils import timezone

pytestmark = pytest.mark.django_db


def home(client):
    return client.get("/", HTTP_HOST="localhost").content.decode()


def test_a_signed_in_user_stays_signed_in_from_page_to_page(login, student):
    client = login(student)
    assert student.name in home(client)
    assert student.name in home(client)


def test_an_expired_session_signs_the_user_out(login, student):
    client = login(student)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    page = home(client)
    assert student.name not in page and "Sign in" in page


def test_an_unknown_session_cookie_is_treated_as_a_visitor(client):
    client.cookies["sessionid"] = "a" * 32
    assert "Sign in" in home(client)


def test_a_deactivated_user_is_signed_out_on_their_next_page(login, student):
    client = login(student)
    student.is_active = False
    student.save()
    page = home(client)
    assert student.name not in page and "Sign in" in page


def test_a_password_change_elsewhere_signs_the_old_session_out(login, student):
    client = login(student)
    student.set_password("another-long-password")
    student.save()
    assert "Sign in" in home(client)


def test_people_signed_in_before_harbors_backend_stay_signed_in(client, student):
    """learning.backends.ModelBackend replaced Django's: the migration renames the
    backend in sessions that were made with Django's."""
    migration = importlib.import_module(
        "learning.migrations.0003_sessions_name_harbors_model_backend"
    )
    client.force_login(student, backend=migration.DJANGOS_BACKEND)
    with override_settings(AUTHENTICATION_BACKENDS=[migration.DJANGOS_BACKEND]):
        assert student.name in home(client)
    assert "Sign in" in home(client)  # Django's backend is no longer configured
    client.force_login(student, backend=migration.DJANGOS_BACKEND)
    migration.to_harbors_backend(django_apps, schema_editor=None)
    assert student.name in home(client)
