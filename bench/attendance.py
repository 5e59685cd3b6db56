"""Saving the roll for a 30-student class: one POST, timed through Django's test client.

Runs on a throwaway test database (created and migrated here, dropped at the end),
never on the development database. Usage: python bench/run.py attendance
"""

import statistics
import time as clock
from datetime import date, time, timedelta

STUDENTS = 30
ROUNDS = 20


def build_class():
    from django.contrib.auth import get_user_model

    from classes.enrollment import enroll
    from classes.schedule import create_class
    from learning.roles import Role
    from packets.models import LevelPage
    from packets.tree import home_page

    level = LevelPage(slug="bench", title="Bench level", nrs_level=2, cefr_band="A1")
    home_page().add_child(instance=level)
    User = get_user_model()
    teacher = User.objects.create_user(username="bench-teacher", password="x")
    teacher.add_role(Role.TEACHER)
    start = date(2026, 1, 5)
    class_ = create_class(
        name="Bench class",
        level=level,
        teachers=[teacher],
        term_start=start,
        term_end=start + timedelta(weeks=ROUNDS),
        meeting_days=[1, 3],
        start_time=time(18, 0),
    )
    students = []
    for number in range(STUDENTS):
        student = User.objects.create_user(username=f"bench-student-{number}", password="x")
        student.add_role(Role.STUDENT)
        enroll(student, class_)
        students.append(student)
    return class_, teacher, students


def timed_posts(client, sessions, form):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, queries = [], set()
    for session in sessions:
        url = f"/classes/{session.cohort_id}/sessions/{session.pk}/attendance/"
        with CaptureQueriesContext(connection) as captured:
            started = clock.perf_counter()
            response = client.post(url, form)
            times.append(clock.perf_counter() - started)
        assert response.status_code == 302, response.status_code
        queries.add(len(captured))
    return times, queries


def report(label, times, queries):
    ms = sorted(t * 1000 for t in times)
    print(
        f"{label}: median {statistics.median(ms):.1f} ms, "
        f"p90 {ms[int(len(ms) * 0.9) - 1]:.1f} ms, SQL queries per request {sorted(queries)}"
    )


def main():
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        class_, teacher, students = build_class()
        client = Client()
        client.force_login(teacher)
        sessions = list(class_.sessions.all()[:ROUNDS])
        present = {f"status-{s.pk}": "present" for s in students}
        changed = {**present, **{f"status-{s.pk}": "late" for s in students[::3]}}
        changed.update({f"minutes-{s.pk}": "90" for s in students[::3]})
        print(f"{STUDENTS} students, {len(sessions)} sessions, {connection.vendor}")
        report("first save (30 new records)", *timed_posts(client, sessions, present))
        report("same roll again (no change)", *timed_posts(client, sessions, present))
        report("10 students changed (history)", *timed_posts(client, sessions, changed))
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
