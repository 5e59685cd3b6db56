"""System notices read in each reader's language: stored as a kind with its
parameters, worded when shown (the page, replays, live frames)."""

import importlib

import pytest
from channels.db import database_sync_to_async
from django.apps import apps
from django.conf import settings
from django.utils import translation

from classes.chat import notices, services
from classes.chat.rooms import main_room
from classes.models import Message, MessageKind
from learning.languages import reading_language

# locale/ar has "New packet: %(title)s"; the English title is isolated (FSI…PDI).
IN_ARABIC = "حزمة جديدة: \u2068At the clinic\u2069"


@pytest.fixture
def room(classroom):
    cohort, *_people = classroom
    return main_room(cohort)


def new_packet(room):
    params = {"title": "At the clinic"}
    return services.post_notice(room, notices.NEW_PACKET, params, link="/level-2/clinic/")


def test_a_notice_is_worded_in_the_active_language(room):
    message = new_packet(room)
    with translation.override("ar"):
        assert notices.shown(message, reader_id=None).text == IN_ARABIC
    with translation.override("en"):
        assert notices.shown(message, reader_id=None).text == "New packet: At the clinic"
    assert notices.shown(message, reader_id=None).link == "/level-2/clinic/"


def test_a_notice_is_stored_with_its_english_wording(room):
    with translation.override("ar"):
        message = new_packet(room)
    message.refresh_from_db()
    assert message.text == "New packet: At the clinic"
    assert (message.kind, message.notice) == (MessageKind.SYSTEM, notices.NEW_PACKET)
    assert message.notice_params == {"title": "At the clinic"}


def test_a_notice_of_an_unknown_kind_or_shape_shows_its_stored_text(room):
    for notice, params in [("from_the_future", {}), (notices.NEW_PACKET, {"name": "x"})]:
        message = Message(room=room, kind="system", text="Stored", notice=notice)
        message.notice_params = params
        with translation.override("ar"):
            assert notices.shown(message, reader_id=None).text == "Stored"


def test_old_english_notices_are_given_their_kind_by_the_migration(room):
    old, _ = services.post_message(
        None, room, "New packet: At the clinic", kind=MessageKind.SYSTEM, link="/x/"
    )
    other, _ = services.post_message(None, room, "Something else", kind=MessageKind.SYSTEM)
    migration = importlib.import_module(
        "classes.migrations.0010_system_notices_worded_for_the_reader"
    )
    migration.word_old_notices_for_their_readers(apps, None)
    old.refresh_from_db()
    other.refresh_from_db()
    assert (old.notice, old.notice_params) == (notices.NEW_PACKET, {"title": "At the clinic"})
    assert other.notice == ""
    with translation.override("ar"):
        assert notices.shown(old, None).text == IN_ARABIC
        assert notices.shown(other, None).text == "Something else"


def test_the_page_words_a_notice_in_the_readers_language(classroom, room, login, client):
    cohort, _teacher, amina, ahmad = classroom
    new_packet(room)
    amina.preferred_language = "ar"
    amina.save(update_fields=["preferred_language"])
    page = login(amina).get(f"/classes/{cohort.pk}/chat/").content.decode()
    assert IN_ARABIC in page
    client.post("/accounts/logout/")
    page = login(ahmad).get(f"/classes/{cohort.pk}/chat/").content.decode()
    assert "New packet: At the clinic" in page and IN_ARABIC not in page


def test_a_socket_reads_in_the_devices_language_else_the_accounts(make_user):
    arabic = make_user(preferred_language="ar")
    english = make_user()
    assert reading_language(arabic, {}) == "ar"
    cookie = settings.LANGUAGE_COOKIE_NAME
    assert reading_language(english, {cookie: "ar"}) == "ar"
    assert reading_language(arabic, {cookie: "klingon"}) == "ar"
    assert reading_language(english, {cookie: "fa"}) == "prs"  # Dari, as phones name it


def speak_arabic(user):
    user.preferred_language = "ar"
    user.save(update_fields=["preferred_language"])


@pytest.mark.django_db(transaction=True)
async def test_a_live_notice_reaches_each_reader_in_their_language(connect, classroom):
    cohort, _teacher, amina, ahmad = classroom
    await database_sync_to_async(speak_arabic)(amina)
    arabic, _ = await connect(f"/ws/classes/{cohort.pk}/chat/", amina)
    english, _ = await connect(f"/ws/classes/{cohort.pk}/chat/", ahmad)
    await database_sync_to_async(new_packet)(await database_sync_to_async(main_room)(cohort))
    in_arabic, in_english = await arabic.receive_json_from(), await english.receive_json_from()
    assert in_arabic["text"] == IN_ARABIC
    assert in_english["text"] == "New packet: At the clinic"
    for frame in (in_arabic, in_english):
        assert frame["type"] == "message" and frame["kind"] == "system"
        assert frame["author"] is None and frame["link"] == "/level-2/clinic/"
    assert {**in_arabic, "text": ""} == {**in_english, "text": ""}
    await arabic.disconnect()
    await english.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_a_replayed_notice_is_in_the_readers_language(connect, classroom):
    cohort, _teacher, amina, _ahmad = classroom
    await database_sync_to_async(speak_arabic)(amina)
    await database_sync_to_async(new_packet)(await database_sync_to_async(main_room)(cohort))
    socket, _ = await connect(f"/ws/classes/{cohort.pk}/chat/?after=0", amina)
    assert (await socket.receive_json_from())["text"] == IN_ARABIC
    assert (await socket.receive_json_from())["type"] == "history.done"
    await socket.disconnect()
