"""The task worker speaks waiting texts (one task per publish, a few seconds)."""

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
    spoken = 0
    for row in SpokenText.objects.waiting().filter(key__in=keys).order_by("pk"):
        if voice is None or row.voice != voice.name:
            _fail(row, "The voice setting changed before this text was spoken.")
            continue
        try:
            audio = voice.speak(row.text, row.language)
        except VoiceError as error:
            _fail(row, str(error))
            continue
        row.file.save(f"{row.key}{voice.extension}", ContentFile(audio), save=False)
        row.size, row.state, row.spoken_at = len(audio), SpokenText.State.READY, timezone.now()
        row.save(update_fields=["file", "size", "state", "spoken_at"])
        spoken += 1
    return spoken


def _fail(row, message):
    row.state, row.error = row.State.FAILED, message[:300]
    row.save(update_fields=["state", "error"])
