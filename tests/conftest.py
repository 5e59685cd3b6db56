"""Factory fixtures shared by every test (allauth's style: build only what a test needs)."""

import itertools

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

from learning.roles import Role
from tests.housekeeping import wagtails_housekeeping_at_once

PASSWORD = "a-long-test-password"
_numbers = itertools.count(1)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Browser tests last: Playwright's sync API keeps an event loop running in
    the main thread until the session ends, which async tests cannot share."""
    for item in items:
        restore_migrated_data_in_transactional_tests(item)
    items.sort(key=lambda item: "tests/browser/" in item.nodeid)


def restore_migrated_data_in_transactional_tests(item):
    """A transactional test (live server, consumers) empties the database when it
    ends, including what migrations created: the role groups, Wagtail's page tree
    and site. Serialized rollback restores it for the next test; it must be on for
    every transactional test, or a plain flush re-creates content types under new
    ids and the restore collides with them."""
    marker = item.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
        kwargs = {**marker.kwargs, "serialized_rollback": True}
        item.add_marker(pytest.mark.django_db(*marker.args, **kwargs), append=False)


@pytest.fixture(autouse=True)
def _the_default_language_after_each_test():
    """Signing a user in outside a request (`force_login`) switches the thread to
    their language (learning/signals.py); the next test must not inherit it."""
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate limits live in the cache; one test's failed logins must not lock out the next.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def loaded_demo(django_db_setup, django_db_blocker):
    """The demo content, loaded twice (the second run must add nothing) once for
    a whole module rather than for each test: a load takes seconds. Each test
    of the module runs in a savepoint of this transaction (the `db` fixture
    nests), so it sees the demo as loaded whatever the one before it changed;
    the module's end rolls it all back. Not for transactional tests."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("demo", stdout=None)
        call_command("demo", stdout=None)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def make_user(db):
    def make(role=Role.STUDENT, **fields):
        number = next(_numbers)
        label = role.label if role is not None else "Staff"
        fields.setdefault("username", f"{label.lower()}{number}")
        fields.setdefault("display_name", f"{label} {number}")
        user = get_user_model().objects.create_user(password=PASSWORD, **fields)
        if role is not None:
            user.add_role(role)
        return user

    return make


@pytest.fixture
def student(make_user):
    return make_user(Role.STUDENT, display_name="Amina Yusuf")


@pytest.fixture
def teacher(make_user):
    return make_user(Role.TEACHER, display_name="Sarah Collins", email="sarah@example.org")


@pytest.fixture
def manager(make_user):
    return make_user(Role.MANAGER, display_name="Linda Martínez")


@pytest.fixture
def login(client):
    """Sign a user in through the real sign-in form, as a person would."""

    def sign_in(user, password=PASSWORD):
        response = client.post("/accounts/login/", {"login": user.username, "password": password})
        assert response.status_code == 302, response.content.decode()[:500]
        return client

    return sign_in


@pytest.fixture
def make_class(db, make_user):
    """A class made the way teachers make one (sessions for the whole term)."""
    from classes.enrollment import enroll
    from packets.demo import ensure_levels
    from tests.factories import open_class

    def make(teacher=None, students=(), name="Evening English"):
        teachers = [teacher or make_user(Role.TEACHER)]
        cohort = open_class(ensure_levels()["level-2"], teachers, name=name)
        for student in students:
            enroll(student, cohort)
        return cohort

    return make


@pytest.fixture
def classroom(make_class, make_user, teacher):
    """A class with a teacher and two enrolled students."""
    amina = make_user(Role.STUDENT, display_name="Amina Yusuf", email="amina@example.org")
    ahmad = make_user(Role.STUDENT, display_name="Ahmad Rahimi")
    cohort = make_class(teacher=teacher, students=[amina, ahmad])
    return cohort, teacher, amina, ahmad


@pytest.fixture(autouse=True)
def _mail_through_the_outbox(settings):
    """Django's test runner swaps EMAIL_BACKEND for its in-memory one; Harbor's
    mail goes through the outbox as in production (the worker delivers it into
    Django's test outbox: see `run_worker`)."""
    settings.EMAIL_BACKEND = "learning.outbox.OutboxBackend"


@pytest.fixture(autouse=True)
def _wagtails_housekeeping_at_once():
    with wagtails_housekeeping_at_once():
        yield


@pytest.fixture
def run_worker(db, monkeypatch):
    """Run django-tasks' own database worker (`manage.py db_worker --batch`) over
    the tasks due now. Inside a test's transaction it must not close the
    connection between tasks, as the real worker does to recycle it."""
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run():
        worker = db_worker.Worker(
            queue_names=["default"],
            excluded_queue_names=[],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="tests",
        )
        worker.run()

    return run
