"""Which texts of a page a voice speaks, and what a page or deck finds spoken.

Every example sentence of a vocabulary list, and every word the teacher has not
recorded: teacher audio always wins, so a word with a recording is never spoken
by the machine (and a recording added later replaces the machine's voice on the
page, on the card and in the Anki deck).
"""

import hashlib
from dataclasses import dataclass, field
from itertools import chain

from django.urls import reverse

from packets.flashcards.deck import card_from_raw
from packets.voice import VOCABULARY_LANGUAGE, current_voice, spoken_key


def card_texts(card):
    """The texts of one flashcard (deck.Flashcard) a voice should speak."""
    if not card.audio_id:
        yield card.term
    if card.example:
        yield card.example


def vocabulary_texts(stream):
    """The texts to speak in a StreamField value's vocabulary lists, read from its
    raw JSON as the deck reads it (no query)."""
    for block in stream.raw_data:
        if block.get("type") != "vocabulary":
            continue
        for raw_item in (block.get("value") or {}).get("items") or []:
            card = card_from_raw(0, raw_item)
            if card is not None:
                yield from card_texts(card)


def spoken_url(key, voice):
    return reverse("spoken_text", args=[f"{key}{voice.extension}"])


@dataclass
class Voices:
    """What the voice has made of some texts: the audio URL of each text that is
    ready, and whether any is still waiting for the worker."""

    urls: dict = field(default_factory=dict)
    waiting: bool = False

    @property
    def digest(self):
        """Names the set of ready audio: part of the body's fragment-cache key."""
        ready = "\n".join(sorted(self.urls.values())).encode()
        return hashlib.blake2b(ready, digest_size=8).hexdigest() if ready else "none"

    def url_for(self, text):
        return self.urls.get((text or "").strip(), "")


def voices_for(texts):
    """One query: the spoken state of `texts` under the current voice."""
    from packets.models import SpokenText

    voice = current_voice()
    keys = {spoken_key(voice.name, VOCABULARY_LANGUAGE, t): t for t in texts} if voice else {}
    if not keys:
        return Voices()
    rows = SpokenText.objects.filter(key__in=keys).values_list("key", "state")
    states = dict(rows)
    return Voices(
        urls={
            keys[key]: spoken_url(key, voice)
            for key, state in states.items()
            if state == SpokenText.State.READY
        },
        waiting=SpokenText.State.WAITING in states.values(),
    )


def page_voices(*streams):
    return voices_for(set(chain.from_iterable(vocabulary_texts(s) for s in streams)))


def ready_spoken(texts):
    """One query: {text: SpokenText} for the texts whose audio is ready (the
    Anki deck copies their files)."""
    from packets.models import SpokenText

    voice = current_voice()
    keys = {spoken_key(voice.name, VOCABULARY_LANGUAGE, t): t for t in texts} if voice else {}
    rows = SpokenText.objects.ready().filter(key__in=keys) if keys else []
    return {keys[row.key]: row for row in rows}
