"""Catching up by id: the database, not the channel layer, is the truth."""

from classes.chat.payloads import history_done_frame, message_frame

BATCH = 500


def frames_after(room, after, reader_id=None):
    """Every message after `after`, in order, then history.done with the newest
    id; notices worded for the reader, in the active language."""
    frames = []
    last_id = after
    while True:
        batch = list(room.messages.after(last_id).select_related("author")[:BATCH])
        frames.extend(message_frame(message, room.label, reader_id) for message in batch)
        if len(batch) < BATCH:
            break
        last_id = batch[-1].number
    room.refresh_from_db(fields=["last_message_id"])
    frames.append(history_done_frame(room.last_message_id))
    return frames
