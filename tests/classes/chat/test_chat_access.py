"""Who may open a room, and sockets that lose that right are closed."""

import pytest
from channels.db import database_sync_to_async
from django.contrib.auth import get_user_model

from classes.models import Enrollment, EnrollmentStatus, Message
from learning.roles import Role

pytestmark = pytest.mark.django_db(transaction=True)


def room_path(cohort):
    return f"/ws/classes/{cohort.pk}/chat/"


async def test_anonymous_users_are_refused_at_the_handshake(connect, classroom):
    cohort, *_ = classroom
    _socket, connected = await connect(room_path(cohort), None)
    assert not connected


async def test_a_student_of_another_class_is_refused(connect, classroom, make_user):
    cohort, *_ = classroom
    outsider = await database_sync_to_async(make_user)(Role.STUDENT)
    _socket, connected = await connect(room_path(cohort), outsider)
    assert not connected


async def test_a_student_still_on_the_card_password_is_refused_until_the_first_steps(
    connect, classroom
):
    """The web pages send them to the first sign-in steps; a hand-built socket
    must not reach the class chat around them."""
    cohort, _teacher, amina, _ahmad = classroom
    amina.password_is_temporary = True
    await database_sync_to_async(amina.save)(update_fields=["password_is_temporary"])
    _socket, connected = await connect(room_path(cohort), amina)
    assert not connected


async def test_a_teacher_of_another_class_is_refused(connect, classroom, make_user):
    cohort, *_ = classroom
    other_teacher = await database_sync_to_async(make_user)(Role.TEACHER)
    _socket, connected = await connect(room_path(cohort), other_teacher)
    assert not connected


async def test_a_manager_may_read_every_class(connect, classroom, manager):
    cohort, *_ = classroom
    socket, connected = await connect(room_path(cohort), manager)
    assert connected
    await socket.disconnect()


async def test_a_foreign_origin_is_refused(connect, classroom):
    cohort, _teacher, amina, _ahmad = classroom
    _socket, connected = await connect(room_path(cohort), amina, origin=b"https://evil.example")
    assert not connected


async def test_an_unknown_class_is_refused(connect, classroom):
    _cohort, _teacher, amina, _ahmad = classroom
    _socket, connected = await connect("/ws/classes/999999/chat/", amina)
    assert not connected


async def test_a_withdrawn_student_cannot_connect(connect, classroom):
    cohort, _teacher, amina, _ahmad = classroom
    await database_sync_to_async(Enrollment.objects.filter(student=amina).update)(
        status=EnrollmentStatus.WITHDRAWN
    )
    _socket, connected = await connect(room_path(cohort), amina)
    assert not connected


async def test_a_withdrawn_students_open_socket_is_closed_and_cannot_send(connect, classroom):
    from classes.enrollment import withdraw

    cohort, _teacher, amina, _ahmad = classroom
    socket, connected = await connect(room_path(cohort), amina)
    assert connected

    def withdraw_amina():
        withdraw(Enrollment.objects.get(student=amina, cohort=cohort))

    await database_sync_to_async(withdraw_amina)()
    closed = await socket.receive_output(timeout=10)
    assert closed == {"type": "websocket.close", "code": 4403}


async def test_a_send_after_withdrawal_is_refused_even_if_the_notice_was_lost(connect, classroom):
    cohort, _teacher, amina, _ahmad = classroom
    socket, _ = await connect(room_path(cohort), amina)
    # Withdrawn without telling the socket: the per-message check still refuses.
    await database_sync_to_async(Enrollment.objects.filter(student=amina).update)(
        status=EnrollmentStatus.WITHDRAWN
    )
    await socket.send_json_to({"type": "send", "text": "hello?", "client_id": "w-1"})
    assert (await socket.receive_output(timeout=10))["type"] == "websocket.close"
    assert await database_sync_to_async(Message.objects.count)() == 0


async def test_deactivating_an_account_closes_its_sockets(connect, classroom):
    cohort, _teacher, amina, _ahmad = classroom
    socket, _ = await connect(room_path(cohort), amina)

    def deactivate():
        user = get_user_model().objects.get(pk=amina.pk)
        user.is_active = False
        user.save()

    await database_sync_to_async(deactivate)()
    assert (await socket.receive_output(timeout=10))["type"] == "websocket.close"


async def test_changing_the_password_closes_the_users_sockets(connect, classroom):
    cohort, _teacher, amina, _ahmad = classroom
    socket, _ = await connect(room_path(cohort), amina)

    def change_password():
        user = get_user_model().objects.get(pk=amina.pk)
        user.set_password("a-brand-new-password-42")
        user.save()

    await database_sync_to_async(change_password)()
    assert (await socket.receive_output(timeout=10))["type"] == "websocket.close"


async def test_signing_out_over_http_closes_that_sessions_socket(classroom):
    from channels.testing import WebsocketCommunicator
    from django.conf import settings
    from django.test import Client

    from learning.asgi import application

    cohort, _teacher, amina, _ahmad = classroom
    browser = Client()
    await database_sync_to_async(browser.force_login)(amina)
    cookie = browser.cookies[settings.SESSION_COOKIE_NAME].value
    socket = WebsocketCommunicator(
        application,
        room_path(cohort),
        headers=[
            (b"host", b"localhost"),
            (b"origin", b"http://localhost"),
            (b"cookie", f"{settings.SESSION_COOKIE_NAME}={cookie}".encode()),
        ],
    )
    assert (await socket.connect())[0]
    await database_sync_to_async(browser.post)("/accounts/logout/")
    assert (await socket.receive_output(timeout=10))["type"] == "websocket.close"
