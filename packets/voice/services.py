"""Asking for voices: on publish, in the publishing transaction (packets/voice/signals.py),
and for the demo or a backfill (`speak_now`)."""

from django.db import transaction

from packets.voice import VOCABULARY_LANGUAGE, current_voice, spoken_key

MAX_TEXT = 300  # SpokenText.text's max_length


def request_voices(texts):
    """Make a waiting row for each text not spoken yet (or that failed before) and
    enqueue the worker to speak them. Returns the keys asked for. Call it inside
    the transaction that publishes: the task row commits, or not, with the page."""
    from packets.voice.tasks import speak_texts

    # Wagtail's publish joins the caller's transaction when there is one (the
    # admin's, a test's); here the rows and the task commit together either way.
    with transaction.atomic():
        keys = _keys_to_speak(texts)
        if keys:
            speak_texts.enqueue(keys)
    return keys


def _keys_to_speak(texts):
    from packets.models import SpokenText

    voice = current_voice()
    # The blocks cap a term at 120 and an example at 300 characters; content
    # from elsewhere (an import, an old revision) longer than a row holds is
    # left silent rather than failing the publish.
    texts = {t.strip() for t in texts if t and t.strip() and len(t.strip()) <= MAX_TEXT}
    if voice is None or not texts:
        return []
    wanted = {spoken_key(voice.name, VOCABULARY_LANGUAGE, text): text for text in texts}
    known = dict(SpokenText.objects.filter(key__in=wanted).values_list("key", "state"))
    SpokenText.objects.bulk_create(
        [
            SpokenText(key=key, voice=voice.name, language=VOCABULARY_LANGUAGE, text=text)
            for key, text in wanted.items()
            if key not in known
        ],
        ignore_conflicts=True,  # another publish made it meanwhile
    )
    failed = [key for key, state in known.items() if state == SpokenText.State.FAILED]
    SpokenText.objects.filter(key__in=failed).update(state=SpokenText.State.WAITING, error="")
    return sorted([key for key in wanted if key not in known] + failed)


def speak_now(texts):
    """Speak `texts` here and now, not in the worker (the demo's few hundred
    words); the tasks their publishing enqueued then find nothing left to do.
    Returns how many were spoken."""
    from packets.voice.tasks import speak_waiting

    voice = current_voice()
    if voice is None:
        return 0
    _keys_to_speak(texts)
    return speak_waiting([spoken_key(voice.name, VOCABULARY_LANGUAGE, t.strip()) for t in texts])


def live_vocabulary_texts():
    """Every text the live packets and assignments ask a voice for: for the demo,
    and to give a voice to content published before there was one."""
    from packets.models import AssignmentPage, PacketPage
    from packets.voice.texts import vocabulary_texts

    texts = set()
    for packet in PacketPage.objects.live().only("body"):
        texts.update(vocabulary_texts(packet.body))
    for assignment in AssignmentPage.objects.live().only("instructions"):
        texts.update(vocabulary_texts(assignment.instructions))
    return sorted(texts)
