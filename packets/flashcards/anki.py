"""Anki export (.apkg) with genanki.

Ids are fixed in code so a re-import updates instead of duplicating: one model
id; deck ids derived from the level and packet ids; each note's GUID from the
packet id and the vocabulary item's stable id. Media are written to a temporary
folder under their Anki file names (Anki refers to media by base name only).
"""

import hashlib
import os
import tempfile
from pathlib import Path

import genanki
from django.utils import translation

from packets.flashcards.deck import IMAGE_RENDITION
from packets.flashcards.fields import safe_html, translation_html

MODEL_ID = 1_731_207_311
DECK_ID_BASE = 1_731_207_400_000_000
AUDIO_EXTENSIONS = {".mp3", ".m4a", ".ogg", ".oga", ".opus", ".wav", ".webm", ".aac"}

_BACK_EXTRAS = (
    '{{#Example}}<div class="example">{{Example}}</div>{{/Example}}'
    '{{#Translation}}<div class="translation">{{Translation}}</div>{{/Translation}}'
)
MODEL = genanki.Model(
    MODEL_ID,
    "Harbor vocabulary",
    fields=[
        {"name": "Term"},
        {"name": "Meaning"},
        {"name": "Example"},
        {"name": "Translation"},
        {"name": "Picture"},
        {"name": "Audio"},
    ],
    templates=[
        {
            "name": "English → meaning",
            "qfmt": '<div class="term">{{Term}}</div>{{Picture}}{{Audio}}',
            "afmt": '{{FrontSide}}<hr id="answer"><div class="meaning">{{Meaning}}</div>'
            + _BACK_EXTRAS,
        },
        {
            "name": "Meaning → English",
            "qfmt": '<div class="meaning">{{Meaning}}</div>',
            "afmt": '{{FrontSide}}<hr id="answer"><div class="term">{{Term}}</div>'
            "{{Picture}}{{Audio}}" + _BACK_EXTRAS,
        },
    ],
    css=(
        ".card{font-family:sans-serif;font-size:24px;text-align:center}"
        ".example{font-style:italic;margin-top:1em}.translation{margin-top:1em}"
        "img{max-width:100%}"
    ),
)


def deck_name(level, packet):
    # "::" separates subdecks in Anki: keep it out of titles.
    parts = ["Harbor", level.title if level else "", packet.title]
    return "::".join(part.replace("::", ":").strip() for part in parts if part)


def deck_id(level, packet):
    digest = hashlib.sha256(f"{level.pk if level else 0}:{packet.pk}".encode()).digest()
    return DECK_ID_BASE + int.from_bytes(digest[:4], "big")


def note_guid(card):
    return genanki.guid_for("harbor-vocabulary", card.packet_id, card.item_id)


def write_apkg(deck, output, language=None):
    """Write `deck` (a deck.Deck) as an .apkg into the binary file `output`."""
    language = language or translation.get_language()
    with tempfile.TemporaryDirectory(prefix="harbor-anki-") as folder:
        media = MediaFolder(Path(folder))
        anki_decks = []
        for section in deck.sections:
            anki_deck = genanki.Deck(
                deck_id(deck.level, section.packet), deck_name(deck.level, section.packet)
            )
            for card in section.cards:
                anki_deck.add_note(_note(card, deck, media, language))
            anki_decks.append(anki_deck)
        genanki.Package(anki_decks, media_files=media.paths).write_to_file(output)


def _note(card, deck, media, language):
    picture = media.add_image(deck.image_for(card))
    # The teacher's recording of the word, else the generated one (packets/voice/).
    audio = media.add_audio(deck.audio_for(card)) or media.add_spoken(deck.spoken_term(card))
    example_audio = media.add_spoken(deck.spoken_example(card))
    return genanki.Note(
        model=MODEL,
        fields=[
            safe_html(card.term),
            safe_html(card.meaning),
            safe_html(card.example) + (f" [sound:{example_audio}]" if example_audio else ""),
            translation_html(card, language),
            f'<img src="{picture}">' if picture else "",
            f"[sound:{audio}]" if audio else "",
        ],
        guid=note_guid(card),
    )


class MediaFolder:
    """Copies images (as a small rendition) and audio out of storage, once each."""

    def __init__(self, folder):
        self.folder = folder
        self.names = {}

    @property
    def paths(self):
        return [str(self.folder / name) for name in self.names.values()]

    def add_image(self, image):
        if image is None:
            return ""
        key = ("image", image.pk)
        if key not in self.names:
            rendition = image.get_rendition(IMAGE_RENDITION)
            name = f"harbor-image-{image.pk}-{_short_hash(rendition.file.name)}.webp"
            self._copy(rendition.file, name)
            self.names[key] = name
        return self.names[key]

    def add_audio(self, document):
        if document is None:
            return ""
        extension = os.path.splitext(document.file.name)[1].lower()
        if extension not in AUDIO_EXTENSIONS:
            return ""
        key = ("audio", document.pk)
        if key not in self.names:
            name = f"harbor-audio-{document.pk}-{_short_hash(document.file.name)}{extension}"
            self._copy(document.file, name)
            self.names[key] = name
        return self.names[key]

    def add_spoken(self, spoken):
        """A generated pronunciation (a SpokenText), named by its key: the same
        file whichever packets hold the text."""
        if spoken is None:
            return ""
        key = ("spoken", spoken.key)
        if key not in self.names:
            extension = os.path.splitext(spoken.file.name)[1].lower()
            name = f"harbor-voice-{spoken.key}{extension}"
            self._copy(spoken.file, name)
            self.names[key] = name
        return self.names[key]

    def _copy(self, field_file, name):
        with field_file.open("rb") as source, open(self.folder / name, "wb") as target:
            for chunk in source.chunks():
                target.write(chunk)


def _short_hash(text):
    return hashlib.sha256(text.encode()).hexdigest()[:10]
