"""The task worker speaks waiting texts (one task per publish, a few seconds)."""

import os
from concurrent.futures import ThreadPoolExecutor

from django.core.files.base import ContentFile
from django.utils import timezone
from django_tasks import task

from packets.voice import VoiceError, current_voice


@task()
def speak_texts(keys):
    return speak_waiting(keys)


def speak_waiting(keys):
    """Speak the waiting texts among `keys`; returns how many are now ready.
    A failure is written on its row (and retried at the next publish), never
    raised: one word the engine cannot say must not keep the others silent."""
    from packets.models import SpokenText

    voice = current_voice()
    rows = list(SpokenText.objects.waiting().filter(key__in=keys).order_by("pk"))
    for row in [r for r in rows if voice is None or r.voice != voice.name]:
        _fail(row, "The voice setting changed before this text was spoken.")
    rows = [r for r in rows if voice is not None and r.voice == voice.name]
    # The engine runs as a program outside Python: one per core at once. The
    # database is written here, in this thread only.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        results = list(pool.map(lambda row: _speak(voice, row), rows))
    for row, (audio, error) in zip(rows, results, strict=True):
        if error:
            _fail(row, error)
            continue
        row.file.save(f"{row.key}{voice.extension}", ContentFile(audio), save=False)
        row.size, row.state, row.spoken_at = len(audio), SpokenText.State.READY, timezone.now()
        row.save(update_fields=["file", "size", "state", "spoken_at"])
    return sum(1 for _audio, error in results if not error)


def _speak(voice, row):
    try:
        return voice.speak(row.text, row.language), ""
    except VoiceError as error:
        return b"", str(error) or type(error).__name__


def _fail(row, message):
    row.state, row.error = row.State.FAILED, message[:300]
    row.save(update_fields=["state", "error"])
