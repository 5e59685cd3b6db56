"""Sessions are read with one plain query (learning/sessions.py): signing in,
staying signed in and expiry behave as Django's own database sessions."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
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
    assert student.name in home(client)  # signed in (and greeted by name once)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    page = home(client)
    assert student.name not in page and "Sign in" in page


def test_an_unknown_session_cookie_is_treated_as_a_visitor(client):
    client.cookies["sessionid"] = "a" * 32
    assert "Sign in" in home(client)
