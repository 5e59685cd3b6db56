"""The limits hold under parallel requests: counted under a row lock."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from classes.models import PracticeGroup, PracticeMembership
from classes.practice import services
from learning.roles import Role


def in_parallel(calls):
    start, results = threading.Barrier(len(calls)), []

    def run(call):
        try:
            start.wait()
            call()
            results.append("ok")
        except ValidationError:
            results.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(results)


@pytest.mark.django_db(transaction=True)
def test_parallel_creates_stop_at_ten_open_groups(school):
    for number in range(8):
        services.create_group(school.amina, f"Club {number}", "conversation")
    calls = [
        lambda n=n: services.create_group(school.amina, f"Extra {n}", "conversation")
        for n in range(4)
    ]
    assert in_parallel(calls) == ["ok", "ok", "refused", "refused"]
    assert PracticeGroup.objects.filter(created_by=school.amina).count() == 10


@pytest.mark.django_db(transaction=True)
def test_parallel_accepts_and_invites_stop_at_twelve(make_class, make_user, school):
    students = [make_user(Role.STUDENT) for _ in range(13)]
    make_class(students=[school.amina, *students], name="Big")
    group = services.create_group(school.amina, "Big club", "conversation")
    services.invite(school.amina, group, [s.pk for s in students[:9]])
    calls = [lambda s=s: services.invite(school.amina, group, [s.pk]) for s in students[9:]]
    assert in_parallel(calls) == ["ok", "ok", "refused", "refused"]
    taken = PracticeMembership.objects.filter(group=group, status__in=["invited", "accepted"])
    assert taken.count() == 12
