"""Catching up by id: the database, not the channel layer, is the truth."""

from classes.chat.payloads import history_done_frame, message_frame

BATCH = 500


def frames_after(room, after, reader_id=None):
    """Every message after `after`, in order, then history.done with the newest
    id; notices worded for the reader, in the active language."""
    # The newest id is read before the messages: read after them, it could name
    # a message saved in between and never sent, and a client that trusts
    # history.done's last_id (chat.js does) would never ask for it. A room's
    # newest id and its message are saved together, the ones before it earlier.
    room.refresh_from_db(fields=["last_message_id"])
    newest = room.last_message_id
    frames = []
    last_id = after
    while True:
        batch = list(room.messages.after(last_id).select_related("author")[:BATCH])
        frames.extend(message_frame(message, room.label, reader_id) for message in batch)
        if len(batch) < BATCH:
            break
        last_id = batch[-1].number
    frames.append(history_done_frame(newest))
    return frames
