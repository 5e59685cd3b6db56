"""Safeguarding: the teachers of every member (and managers) see that a group
exists and who is in it, and the messages its members report, with the
messages before them; never the group's page or its other messages."""

import pytest

from classes.chat.services import send_message
from classes.practice import services
from classes.practice.rooms import practice_room

pytestmark = pytest.mark.django_db


def test_every_members_teachers_see_the_group_and_who_is_in_it(client, school, group):
    send_message(school.amina, practice_room(group), "A secret plan", "c1")
    for teacher in (school.teacher_a, school.teacher_b, school.manager):
        client.force_login(teacher)
        cohort = school.class_b if teacher == school.teacher_b else school.class_a
        page = client.get(f"/classes/{cohort.pk}/").content.decode()
        assert "Practice groups your students are in" in page
        assert "Talk club" in page
        assert "Amina" in page and "Ahmad" in page and "Layla" in page
        assert "A secret plan" not in page


def test_a_group_none_of_the_class_is_in_is_not_listed(client, school):
    services.create_group(school.amina, "Amina's own", "conversation")
    client.force_login(school.teacher_b)
    page = client.get(f"/classes/{school.class_b.pk}/").content.decode()
    assert "Amina&#x27;s own" not in page and "Amina's own" not in page


def test_invited_students_are_shown_to_their_teachers_as_invited(client, school):
    group = services.create_group(school.amina, "Talk club", "conversation")
    services.invite(school.amina, group, [school.layla.pk])
    client.force_login(school.teacher_b)
    page = client.get(f"/classes/{school.class_b.pk}/").content.decode()
    assert "Talk club" in page and "(invited)" in page


def test_students_do_not_see_the_teachers_list(client, school, group):
    client.force_login(school.omar)
    page = client.get(f"/classes/{school.class_b.pk}/").content.decode()
    assert "Practice groups your students are in" not in page


def test_a_report_reaches_the_reporters_teachers_with_the_message_and_its_context(
    client, school, group
):
    room = practice_room(group)
    send_message(school.amina, room, "First line", "c1")
    send_message(school.layla, room, "Second line", "c2")
    _reason, bad, _ = send_message(school.amina, room, "Something hurtful", "c3")
    send_message(school.amina, room, "Unrelated later", "c4")
    client.force_login(school.ahmad)
    response = client.post(f"/practice/{group.pk}/messages/{bad.pk}/report/", {"reason": "rude"})
    assert response.status_code == 302
    client.force_login(school.teacher_a)
    page = client.get(f"/classes/{school.class_a.pk}/chat/reports/").content.decode()
    assert "Something hurtful" in page and "Talk club" in page
    assert "First line" in page and "Second line" in page
    assert "Unrelated later" not in page
    # Ahmad is in class A only: class B's teacher is not told.
    client.force_login(school.teacher_b)
    page = client.get(f"/classes/{school.class_b.pk}/chat/reports/").content.decode()
    assert "Something hurtful" not in page


def test_a_manager_reads_reports_through_the_class(client, school, group):
    _r, message, _c = send_message(school.amina, practice_room(group), "Hurtful", "c1")
    client.force_login(school.layla)
    client.post(f"/practice/{group.pk}/messages/{message.pk}/report/")
    client.force_login(school.manager)
    for cohort in (school.class_a, school.class_b):  # Layla is in both
        assert "Hurtful" in client.get(f"/classes/{cohort.pk}/chat/reports/").content.decode()


def test_non_members_cannot_report_a_groups_message(client, school, group):
    _r, message, _c = send_message(school.amina, practice_room(group), "Hi", "c1")
    for outsider in (school.omar, school.teacher_a):
        client.force_login(outsider)
        url = f"/practice/{group.pk}/messages/{message.pk}/report/"
        assert client.post(url).status_code == 404
    assert not message.reports.exists()


def test_a_practice_message_cannot_be_reported_through_a_class_url(client, school, group):
    _r, message, _c = send_message(school.amina, practice_room(group), "Hi", "c1")
    client.force_login(school.ahmad)
    url = f"/classes/{school.class_a.pk}/chat/messages/{message.pk}/report/"
    assert client.post(url).status_code == 404


def test_the_chat_sql_gives_the_access_modules_answer(school, group):
    """classes/practice/rooms.py restates classes.access.may_read_practice."""
    from classes.access import may_read_practice
    from classes.chat.rooms import may_read
    from classes.enrollment import withdraw
    from classes.models import Enrollment

    withdraw(Enrollment.objects.get(student=school.ahmad, cohort=school.class_a))
    room = practice_room(group)
    people = ["amina", "ahmad", "layla", "omar", "teacher_a", "teacher_b", "manager"]
    for name in people:
        user = getattr(school, name)
        assert may_read(user, room) == may_read_practice(user, group), name
    assert [n for n in people if may_read(getattr(school, n), room)] == ["amina", "layla"]


def test_the_class_page_takes_the_same_queries_with_more_practice_groups(
    client, school, group, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(school.teacher_a)
    url = f"/classes/{school.class_a.pk}/"
    client.get(url)
    with CaptureQueriesContext(connection) as one_group:
        client.get(url)
    for number in range(3):
        more = services.create_group(school.layla, f"Club {number}", "interview")
        services.invite(school.layla, more, [school.omar.pk, school.ahmad.pk])
    with django_assert_max_num_queries(len(one_group.captured_queries)):
        page = client.get(url).content.decode()
    assert "Club 2" in page


def test_the_reporters_teacher_removes_a_reported_message_and_no_other_teacher_can(
    client, school, group
):
    room = practice_room(group)
    _reason, bad, _ = send_message(school.amina, room, "Something hurtful", "c1")
    _reason, fine, _ = send_message(school.amina, room, "Hello all", "c2")
    client.force_login(school.ahmad)
    client.post(f"/practice/{group.pk}/messages/{bad.pk}/report/", {"reason": "rude"})
    # Class B's teacher (Layla's and Amina's... but not the reporter's) and any
    # message nobody reported: refused.
    client.force_login(school.teacher_b)
    assert (
        client.post(f"/classes/{school.class_b.pk}/chat/messages/{bad.pk}/delete/").status_code
        == 404
    )
    client.force_login(school.teacher_a)
    assert (
        client.post(f"/classes/{school.class_a.pk}/chat/messages/{fine.pk}/delete/").status_code
        == 404
    )
    response = client.post(f"/classes/{school.class_a.pk}/chat/messages/{bad.pk}/delete/")
    assert response.status_code == 302
    bad.refresh_from_db()
    fine.refresh_from_db()
    assert bad.is_deleted and not fine.is_deleted
    page = client.get(f"/classes/{school.class_a.pk}/chat/reports/").content.decode()
    assert "Something hurtful" not in page  # the report is resolved
