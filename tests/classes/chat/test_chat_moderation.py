"""Teachers moderate: delete for everyone, mute, breakout rooms, announcements."""

import pytest
from channels.db import database_sync_to_async
from django.core.exceptions import PermissionDenied, ValidationError

from classes.chat import services
from classes.chat.rooms import main_room
from classes.models import BreakoutGroup, Message, MessageKind
from learning.roles import Role
from tests.factories import publish_packet

pytestmark = pytest.mark.django_db(transaction=True)


def room_path(cohort, group=None):
    if group:
        return f"/ws/classes/{cohort.pk}/groups/{group.pk}/chat/"
    return f"/ws/classes/{cohort.pk}/chat/"


async def test_a_deleted_message_disappears_from_every_screen(connect, classroom):
    cohort, teacher, amina, ahmad = classroom
    socket, _ = await connect(room_path(cohort), ahmad)
    await socket.send_json_to({"type": "send", "text": "something rude", "client_id": "r-1"})
    sent = await socket.receive_json_from()

    def delete():
        services.delete_message(teacher, Message.objects.get(number=sent["id"]), cohort)

    await database_sync_to_async(delete)()
    assert await socket.receive_json_from() == {"type": "deleted", "id": sent["id"]}
    replay, _ = await connect(room_path(cohort) + "?after=0", amina)
    assert await replay.receive_json_from() == {"type": "deleted", "id": sent["id"]}
    await socket.disconnect()
    await replay.disconnect()


def test_only_the_class_teacher_may_delete_or_mute(classroom, make_user):
    cohort, teacher, amina, ahmad = classroom
    message, _ = services.post_message(amina, main_room(cohort), "hi", "x-1")
    for stranger in (ahmad, make_user(Role.TEACHER)):
        with pytest.raises(PermissionDenied):
            services.delete_message(stranger, message, cohort)
        with pytest.raises(PermissionDenied):
            services.mute_student(stranger, cohort, amina, 10)
    assert not Message.objects.get(pk=message.pk).is_deleted


def test_mute_lengths_outside_a_week_are_refused(classroom):
    cohort, teacher, amina, _ahmad = classroom
    with pytest.raises(ValidationError):
        services.mute_student(teacher, cohort, amina, 0)
    with pytest.raises(ValidationError):
        services.mute_student(teacher, cohort, amina, 8 * 24 * 60)


def test_random_groups_have_two_to_six_students(make_user):
    for count in (2, 3, 5, 7, 8, 13, 30):
        students = [object() for _ in range(count)]
        for size in range(2, 7):
            groups = services.random_groups(students, size)
            assert sum(len(g) for g in groups) == count
            assert all(2 <= len(g) <= 6 for g in groups), (count, size, groups)


async def test_breakout_rooms_are_for_their_members_and_teachers(connect, classroom, make_user):
    cohort, teacher, amina, ahmad = classroom

    def open_groups():
        third = make_user(Role.STUDENT)
        fourth = make_user(Role.STUDENT)
        for student in (third, fourth):
            cohort.enrollments.create(student=student)
        return services.open_breakout(teacher, cohort, [[amina, third], [ahmad, fourth]])

    first, second = await database_sync_to_async(open_groups)()
    member, ok = await connect(room_path(cohort, first), amina)
    assert ok
    _outsider, refused = await connect(room_path(cohort, first), ahmad)
    assert not refused
    teacher_socket, ok_teacher = await connect(room_path(cohort, second), teacher)
    assert ok_teacher
    await member.send_json_to({"type": "send", "text": "Group one here", "client_id": "g-1"})
    frame = await member.receive_json_from()
    assert frame["room"] == f"group-{first.pk}" and frame["id"] == 1
    await member.disconnect()
    await teacher_socket.disconnect()


async def test_a_closed_breakout_keeps_its_history_but_takes_no_messages(
    connect, classroom, make_user
):
    cohort, teacher, amina, ahmad = classroom

    def open_and_talk_then_close():
        (group,) = services.open_breakout(teacher, cohort, [[amina, ahmad]])
        services.post_message(amina, services.group_room(group), "before closing", "b-1")
        services.close_breakout(teacher, cohort)
        return group

    group = await database_sync_to_async(open_and_talk_then_close)()
    socket, connected = await connect(room_path(cohort, group) + "?after=0", amina)
    assert connected
    assert (await socket.receive_json_from())["text"] == "before closing"
    await socket.receive_json_from()  # history.done
    await socket.send_json_to({"type": "send", "text": "anyone?", "client_id": "b-2"})
    assert (await socket.receive_json_from())["code"] == "closed"
    await socket.disconnect()


def test_breakout_groups_must_be_enrolled_students_two_to_six(classroom, make_user):
    cohort, teacher, amina, ahmad = classroom
    with pytest.raises(ValidationError):
        services.open_breakout(teacher, cohort, [[amina]])
    with pytest.raises(ValidationError):
        services.open_breakout(teacher, cohort, [[amina, make_user(Role.STUDENT)]])
    assert not BreakoutGroup.objects.exists()


def test_an_announcement_reaches_every_open_group_and_the_main_room(classroom, make_user):
    cohort, teacher, amina, ahmad = classroom
    services.open_breakout(teacher, cohort, [[amina, ahmad]])
    messages = services.announce_to_groups(teacher, cohort, "Five minutes left!")
    assert len(messages) == 2
    assert {m.kind for m in messages} == {MessageKind.ANNOUNCEMENT}
    assert {m.room.group_id is None for m in messages} == {True, False}


def test_the_phrase_of_the_day_is_pinned_and_replaces_yesterdays(classroom):
    cohort, teacher, *_ = classroom
    first = services.post_phrase_of_the_day(teacher, cohort, "Break a leg!")
    second = services.post_phrase_of_the_day(teacher, cohort, "It's a piece of cake.")
    first.refresh_from_db()
    assert second.pinned and not first.pinned


def test_publishing_a_packet_announces_it_once_in_the_class_room(classroom):
    from django.utils import timezone

    cohort, *_ = classroom
    today = timezone.localdate()  # the class is running today
    type(cohort).objects.filter(pk=cohort.pk).update(term_start=today, term_end=today)
    packet = publish_packet(cohort.level, "At the clinic", number=7, summary="Words for a visit")
    packet.save_revision().publish()  # an edit: nothing new to announce
    announcements = Message.objects.filter(kind=MessageKind.SYSTEM)
    assert announcements.count() == 1
    assert announcements.get().text == "New packet: At the clinic"
    assert announcements.get().link == packet.url


def test_only_a_student_of_the_class_can_be_muted(classroom, make_user):
    cohort, teacher, amina, _ahmad = classroom
    stranger = make_user(Role.STUDENT)
    with pytest.raises(ValidationError):
        services.mute_student(teacher, cohort, stranger, 10)
    with pytest.raises(ValidationError):
        services.mute_student(teacher, cohort, teacher.pk, 10)
    assert services.mute_student(teacher, cohort, amina.pk, 10).student == amina
