"""A class meeting every day around today (so it is current whenever the tests
run), its teacher, a student with a verified email address and one without."""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from classes.enrollment import enroll
from classes.models import Notice
from classes.schedule import create_class
from learning.roles import Role
from packets.demo import ensure_levels


@pytest.fixture
def cohort(db, make_user):
    today = timezone.localdate()
    teacher = make_user(Role.TEACHER, display_name="Sarah Collins", email="sarah@example.org")
    amina = make_user(Role.STUDENT, display_name="Amina Yusuf", email="amina@example.org")
    gul = make_user(Role.STUDENT, display_name="Gul Wazir")
    cohort = create_class(
        name="Evening English",
        level=ensure_levels()["level-2"],
        teachers=[teacher],
        term_start=today - timedelta(days=14),
        term_end=today + timedelta(days=30),
        meeting_days=range(1, 8),
        start_time=time(18, 0),
        duration_minutes=90,
        meeting_link="https://meet.example.org/evening",
    )
    enroll(amina, cohort)
    enroll(gul, cohort)
    cohort.teacher, cohort.amina, cohort.gul = teacher, amina, gul
    return cohort


def future_session(cohort, days=2):
    return cohort.sessions.held().filter(starts_at__gt=timezone.now() + timedelta(days=days - 1))[0]


def kinds_of(user):
    return list(Notice.objects.filter(recipient=user).values_list("kind", flat=True))


def unread(user):
    user.refresh_from_db(fields=["unread_notices"])
    return user.unread_notices
