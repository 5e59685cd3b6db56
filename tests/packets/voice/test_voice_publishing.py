"""Publishing asks the worker for a voice for every word; the packet page plays
it once it is made, and never shows a player for audio that is not there."""

import re

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from packets.models import SpokenText
from tests.packets.voice.conftest import vocabulary_of

pytestmark = pytest.mark.django_db

VOICE_PLAYER = re.compile(r'<audio class="voice" controls preload="none" src="(/voice/[^"]+)"')
TASK = "packets.voice.tasks.speak_texts"


def players(client, page):
    response = client.get(page.url, HTTP_HOST="localhost")
    assert response.status_code == 200
    return VOICE_PLAYER.findall(response.content.decode())


def test_publishing_a_packet_enqueues_its_words_with_the_page(voice_on, make_packet):
    make_packet(body=[vocabulary_of(("bus", "The bus is late.", None), ("train", "", None))])
    waiting = SpokenText.objects.waiting()
    assert sorted(waiting.values_list("text", flat=True)) == ["The bus is late.", "bus", "train"]
    task = DBTaskResult.objects.get(task_path=TASK)
    assert sorted(task.args_kwargs["args"][0]) == sorted(waiting.values_list("key", flat=True))


def test_a_publish_rolled_back_leaves_no_task_and_no_waiting_word(voice_on, make_packet):
    with pytest.raises(RuntimeError), transaction.atomic():
        make_packet(body=[vocabulary_of(("bus", "", None))])
        raise RuntimeError("the editor's save failed")
    assert not SpokenText.objects.exists()
    assert not DBTaskResult.objects.filter(task_path=TASK).exists()


def test_the_worker_gives_every_word_a_voice_and_the_page_plays_it(
    voice_on, make_packet, run_worker, login, student
):
    packet = make_packet(body=[vocabulary_of(("bus", "The bus is late.", None))])
    client = login(student)
    # Waiting for the worker: no player for audio that is not there yet.
    assert players(client, packet) == []
    run_worker()
    urls = players(client, packet)
    assert len(urls) == 2  # the word and its example
    for url in urls:
        audio = client.get(url)
        assert audio.status_code == 200
        assert audio["Content-Type"] == "audio/mpeg"
        body = b"".join(audio.streaming_content)
        assert body[:3] == b"ID3" or body[:2] in (b"\xff\xf3", b"\xff\xfb", b"\xff\xf2")
        assert 500 < len(body) < 20_000


def test_the_cached_page_keeps_the_players_and_needs_no_more_work(
    voice_on, make_packet, run_worker, login, student
):
    packet = make_packet(body=[vocabulary_of(("bus", "", None))])
    client = login(student)
    players(client, packet)  # served while waiting: not kept in the cache
    run_worker()
    assert len(players(client, packet)) == 1
    SpokenText.objects.update(text="changed under the cache")
    assert len(players(client, packet)) == 1  # the kept copy


def test_the_same_text_in_two_packets_is_spoken_once(voice_on, make_packet, run_worker):
    make_packet(slug="one", body=[vocabulary_of(("bus", "", None))])
    make_packet(slug="two", body=[vocabulary_of(("bus", "", None), ("car", "", None))])
    run_worker()
    assert sorted(SpokenText.objects.ready().values_list("text", flat=True)) == ["bus", "car"]
    assert DBTaskResult.objects.filter(task_path=TASK).count() == 2


def test_the_teachers_recording_wins_over_the_generated_voice(
    voice_on, make_packet, run_worker, recording, login, student
):
    packet = make_packet(body=[vocabulary_of(("hello", "Hello, Ana!", recording))])
    run_worker()
    assert list(SpokenText.objects.values_list("text", flat=True)) == ["Hello, Ana!"]
    page = login(student).get(packet.url, HTTP_HOST="localhost").content.decode()
    assert f'src="{recording.url}"' in page
    assert len(VOICE_PLAYER.findall(page)) == 1  # the example only


def test_a_recording_added_later_replaces_the_voice_on_the_page(
    voice_on, make_packet, run_worker, recording, login, student
):
    packet = make_packet(body=[vocabulary_of(("hello", "", None))])
    run_worker()
    client = login(student)
    assert len(players(client, packet)) == 1
    packet.body = [vocabulary_of(("hello", "", recording))]
    packet.save_revision().publish()
    page = client.get(packet.url, HTTP_HOST="localhost").content.decode()
    assert f'src="{recording.url}"' in page and not VOICE_PLAYER.findall(page)


def test_a_word_the_engine_cannot_say_fails_quietly_and_is_tried_again(
    settings, make_packet, run_worker, login, student
):
    settings.HARBOR_VOICE = "tests.packets.voice.conftest.MuteVoice"
    packet = make_packet(body=[vocabulary_of(("bus", "", None))])
    run_worker()
    spoken = SpokenText.objects.get()
    assert spoken.state == SpokenText.State.FAILED and "not installed" in spoken.error
    assert players(login(student), packet) == []
    packet.save_revision().publish()
    spoken.refresh_from_db()
    assert spoken.state == SpokenText.State.WAITING


def test_an_assignments_vocabulary_is_spoken_too(voice_on, make_packet, make_assignment):
    assignment = make_assignment(make_packet())
    assert not SpokenText.objects.exists()
    assignment.instructions = [vocabulary_of(("form", "", None))]
    assignment.save_revision().publish()
    assert list(SpokenText.objects.values_list("text", flat=True)) == ["form"]


def test_with_the_voice_off_nothing_is_asked(make_packet):
    make_packet(body=[vocabulary_of(("bus", "", None))])
    assert not SpokenText.objects.exists()
    assert not DBTaskResult.objects.filter(task_path=TASK).exists()
