"""Catching up while others write: history.done never names a message that
the catch-up did not send (a client trusts its last_id and would never ask
for that message again)."""

import pytest

from classes.chat import history
from classes.chat.rooms import main_room
from classes.chat.services import post_message
from classes.models import Room

pytestmark = pytest.mark.django_db


def test_a_message_saved_while_history_is_read_is_sent_or_not_announced(classroom, monkeypatch):
    cohort, _teacher, amina, _ahmad = classroom
    room = main_room(cohort)
    post_message(amina, room, "Before the catch-up", "c-1")
    refresh = Room.refresh_from_db

    def refresh_while_another_is_saved(self, *args, **kwargs):
        monkeypatch.setattr(Room, "refresh_from_db", refresh)  # once
        post_message(amina, Room.objects.get(pk=self.pk), "Saved meanwhile", "c-2")
        return refresh(self, *args, **kwargs)

    monkeypatch.setattr(Room, "refresh_from_db", refresh_while_another_is_saved)
    frames = history.frames_after(room, 0)

    done = frames[-1]
    assert done["type"] == "history.done"
    sent = [frame["id"] for frame in frames[:-1]]
    assert sent[: done["last_id"]] == list(range(1, done["last_id"] + 1))
