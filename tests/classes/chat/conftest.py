"""Fixtures for class chat: a class with a teacher and enrolled students, and
WebSocket clients signed in as real sessions."""

import datetime

import pytest
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client

from classes.models import Class, Enrollment
from learning.roles import Role
from packets.demo import ensure_levels


@pytest.fixture
def make_class(db, make_user):
    def make(teacher=None, students=(), name="Evening English"):
        level = ensure_levels()["level-2"]
        cohort = Class.objects.create(
            name=name,
            level=level,
            term_start=datetime.date(2026, 9, 7),
            term_end=datetime.date(2026, 12, 18),
            meeting_days="13",
            start_time=datetime.time(18, 0),
            duration_minutes=120,
        )
        cohort.teachers.add(teacher or make_user(Role.TEACHER))
        for student in students:
            Enrollment.objects.create(student=student, cohort=cohort)
        return cohort

    return make


@pytest.fixture
def classroom(make_class, make_user, teacher):
    """A class with a teacher and two enrolled students."""
    amina = make_user(Role.STUDENT, display_name="Amina Yusuf", email="amina@example.org")
    ahmad = make_user(Role.STUDENT, display_name="Ahmad Rahimi")
    cohort = make_class(teacher=teacher, students=[amina, ahmad])
    return cohort, teacher, amina, ahmad


def session_cookie(user):
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.fixture
def connect():
    """Open a socket to a chat URL as a user (None: anonymous); returns
    (communicator, connected). Every socket is disconnected at the end."""
    from learning.asgi import application

    opened = []

    async def open_socket(path, user=None, origin=b"http://localhost"):
        headers = [(b"origin", origin)] if origin else []
        if user is not None:
            cookie = await _cookie(user)
            headers.append((b"cookie", f"{settings.SESSION_COOKIE_NAME}={cookie}".encode()))
        communicator = WebsocketCommunicator(application, path, headers=headers)
        connected, _ = await communicator.connect()
        opened.append(communicator)
        return communicator, connected

    yield open_socket
    # Disconnecting is async; the tests disconnect their own sockets.
    opened.clear()


async def _cookie(user):
    from channels.db import database_sync_to_async

    return await database_sync_to_async(session_cookie)(user)
