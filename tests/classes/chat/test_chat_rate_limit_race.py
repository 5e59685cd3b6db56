"""Issue 12, finding 4: ten sockets of one student sending at once stored ten
messages (limit: 5 in 10 s). The count and the insert are now one step."""

import asyncio
import threading
import time

import pytest
from channels.db import database_sync_to_async
from django.db import connection

from classes.chat import services
from classes.chat.rooms import RATE_LIMITED, main_room
from classes.models import Message


def send_in_parallel(user, room, count):
    """`count` threads, released together, each sending one message as `user`."""
    start, results = threading.Barrier(count), []

    def send(number):
        try:
            start.wait()
            results.append(services.send_message(user, room, f"m{number}", f"c{number}")[0])
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=send, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.django_db(transaction=True)
def test_parallel_sends_of_one_student_store_at_most_the_limit(classroom, settings):
    settings.CHAT_RATE_LIMIT = "5/10s"
    cohort, _teacher, amina, _ahmad = classroom
    room = main_room(cohort)
    results = send_in_parallel(amina, room, 10)
    assert Message.objects.filter(author=amina).count() == 5
    assert sorted(results, key=str) == [None] * 5 + [RATE_LIMITED] * 5
    numbers = sorted(Message.objects.filter(room=room).values_list("number", flat=True))
    assert numbers == [1, 2, 3, 4, 5]  # refused sends used no id


@pytest.mark.django_db
def test_a_retry_over_the_limit_gets_the_original_back(classroom, settings):
    settings.CHAT_RATE_LIMIT = "2/10s"
    cohort, _teacher, amina, _ahmad = classroom
    room = main_room(cohort)
    services.send_message(amina, room, "one", "c1")
    first = services.send_message(amina, room, "two", "c2")[1]
    reason, again, created = services.send_message(amina, room, "two", "c2")
    assert (reason, again.pk, created) == (None, first.pk, False)
    assert services.send_message(amina, room, "three", "c3")[0] == RATE_LIMITED


@pytest.mark.django_db(transaction=True)
async def test_ten_sockets_of_one_student_sending_at_once_store_only_the_limit(
    connect, classroom, settings, monkeypatch
):
    """Through the consumer, as the finding was made: every socket's send is
    checked before the first is saved (widened so the race always happens)."""
    settings.CHAT_RATE_LIMIT = "5/10s"
    cohort, _teacher, amina, _ahmad = classroom
    check = services.refusal_to_post

    def slow_check(*args, **kwargs):
        reason = check(*args, **kwargs)
        time.sleep(0.2)
        return reason

    monkeypatch.setattr(services, "refusal_to_post", slow_check)
    sockets = [(await connect(f"/ws/classes/{cohort.pk}/chat/", amina))[0] for _ in range(10)]
    await asyncio.gather(
        *(
            socket.send_json_to({"type": "send", "text": f"hi {n}", "client_id": f"s-{n}"})
            for n, socket in enumerate(sockets)
        )
    )
    await asyncio.sleep(1.5)
    stored = await database_sync_to_async(Message.objects.filter(author=amina).count)()
    assert stored == 5
    for socket in sockets:
        await socket.disconnect()
