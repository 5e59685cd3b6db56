"""When a teacher opens breakout groups, each student learns which group is
theirs, live in the class chat, with the link to it; the teacher's breakout
page says who is in each group."""

import pytest
from channels.db import database_sync_to_async
from django.core.exceptions import ValidationError

from classes.chat import notices, services
from classes.chat.rooms import main_room
from classes.models import Message, MessageKind
from learning.roles import Role


@pytest.fixture
def four_students(classroom, make_user):
    """The classroom with two more students: amina, ahmad, hana, omar."""
    cohort, teacher, amina, ahmad = classroom
    hana = make_user(Role.STUDENT, display_name="Hana Ali")
    omar = make_user(Role.STUDENT, display_name="عمر")
    for student in (hana, omar):
        cohort.enrollments.create(student=student)
    return cohort, teacher, [amina, ahmad, hana, omar]


def group_link(cohort, group):
    return f"/classes/{cohort.pk}/groups/{group.pk}/chat/"


def test_each_student_reads_which_group_is_theirs(four_students):
    cohort, teacher, (amina, ahmad, hana, omar) = four_students
    first, second = services.open_breakout(teacher, cohort, [[amina, hana], [ahmad, omar]])
    notice = Message.objects.get(room=main_room(cohort), kind=MessageKind.SYSTEM)
    assert notices.shown(notice, amina.pk) == notices.Worded(
        "You are in Group 1. Open it to talk with your group.", group_link(cohort, first)
    )
    assert notices.shown(notice, omar.pk).link == group_link(cohort, second)
    assert notices.shown(notice, teacher.pk) == notices.Worded("Breakout groups are open.", "")
    assert notice.text == "Breakout groups are open."


def test_the_notice_keeps_no_names(four_students):
    cohort, teacher, (amina, ahmad, hana, omar) = four_students
    services.open_breakout(teacher, cohort, [[amina, hana], [ahmad, omar]])
    notice = Message.objects.get(kind=MessageKind.SYSTEM)
    assert "Amina" not in str(notice.notice_params) and "عمر" not in str(notice.notice_params)


def test_a_refused_breakout_tells_nobody(four_students):
    cohort, teacher, (amina, ahmad, hana, _omar) = four_students
    with pytest.raises(ValidationError):  # a group of one
        services.open_breakout(teacher, cohort, [[amina, hana], [ahmad]])
    assert not Message.objects.filter(kind=MessageKind.SYSTEM).exists()


def test_a_student_sees_their_group_and_its_link_on_the_chat_page(four_students, login):
    cohort, teacher, (amina, ahmad, hana, omar) = four_students
    first, _second = services.open_breakout(teacher, cohort, [[amina, hana], [ahmad, omar]])
    page = login(amina).get(f"/classes/{cohort.pk}/chat/").content.decode()
    assert "You are in Group 1. Open it to talk with your group." in page
    assert f'<a href="{group_link(cohort, first)}">Open</a>' in page


def test_the_breakout_page_names_each_groups_students(four_students, login):
    cohort, teacher, (amina, ahmad, hana, omar) = four_students
    services.open_breakout(teacher, cohort, [[amina, hana], [ahmad, omar]])
    page = login(teacher).get(f"/classes/{cohort.pk}/breakouts/").content.decode()
    assert "<bdi>Ahmad Rahimi</bdi>, <bdi>عمر</bdi>" in page
    assert "<bdi>Amina Yusuf</bdi>, <bdi>Hana Ali</bdi>" in page


def test_students_cannot_open_the_breakout_page(four_students, login):
    cohort, _teacher, (amina, *_others) = four_students
    assert login(amina).get(f"/classes/{cohort.pk}/breakouts/").status_code == 403


@pytest.mark.django_db(transaction=True)
async def test_a_student_in_the_class_chat_is_told_live_where_to_go(connect, four_students):
    cohort, teacher, (amina, ahmad, hana, omar) = four_students
    path = f"/ws/classes/{cohort.pk}/chat/"
    hers, _ = await connect(path, amina)
    theirs, _ = await connect(path, teacher)
    first, _second = await database_sync_to_async(services.open_breakout)(
        teacher, cohort, [[amina, hana], [ahmad, omar]]
    )
    frame = await hers.receive_json_from()
    assert frame["type"] == "message" and frame["kind"] == "system"
    assert frame["text"] == "You are in Group 1. Open it to talk with your group."
    assert frame["link"] == group_link(cohort, first)
    teachers = await theirs.receive_json_from()
    assert (teachers["text"], teachers["link"]) == ("Breakout groups are open.", "")
    assert teachers["id"] == frame["id"]
    await hers.disconnect()
    await theirs.disconnect()
