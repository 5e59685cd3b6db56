"""Generated pronunciation with the real engine: Debian's espeak-ng and lame
(`make test` installs them, scripts/ensure-espeak.sh). A word takes ~40 ms."""

import pytest

from packets.voice import VoiceError

ESPEAK = "packets.voice.espeak.EspeakVoice"


@pytest.fixture
def voice_on(settings):
    settings.HARBOR_VOICE = ESPEAK


class MuteVoice:
    """An engine that cannot say anything (a missing program, say)."""

    name = "mute"
    content_type = "audio/mpeg"
    extension = ".mp3"

    def speak(self, text, language):
        raise VoiceError("mute is not installed")


def vocabulary_of(*words):
    """A vocabulary block as the admin saves it: (term, example, teacher audio)."""
    items = [
        {
            "term": term,
            "meaning": f"the meaning of {term}",
            "example": example,
            "image": None,
            "audio": audio.pk if audio else None,
            "translations": [],
        }
        for term, example, audio in words
    ]
    return {"type": "vocabulary", "value": {"title": "", "items": items}}
