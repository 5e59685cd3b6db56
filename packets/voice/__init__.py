"""A voice for every word: generated pronunciation of vocabulary (docs/voice.md).

A voice is any object with a `name`, a `content_type`, an `extension` and a
`speak(text, language) -> bytes` method (`Voice`). The setting HARBOR_VOICE
names its class by dotted path ("" turns generated audio off); a program that
wants another engine writes one class and changes the setting. The voice's
`name` is part of every key: a new engine, or new settings of one, speaks every
word again instead of mixing two voices.
"""

import functools
import hashlib
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

# Vocabulary is English (teachers write it for English learners).
VOCABULARY_LANGUAGE = "en"
KEY_BYTES = 16  # 32 hex digits in URLs and file names


class Voice(Protocol):
    name: str  # stable; changes whenever the sound would
    content_type: str  # e.g. "audio/mpeg"
    extension: str  # e.g. ".mp3", with its dot

    def speak(self, text: str, language: str) -> bytes:
        """The text spoken in `language`, encoded; raises VoiceError on failure."""


class VoiceError(Exception):
    """The engine could not speak a text (missing program, bad output, timeout)."""


def current_voice():
    """The configured voice, or None when generated audio is off."""
    return _voice(settings.HARBOR_VOICE)


@functools.cache
def _voice(dotted_path):
    return import_string(dotted_path)() if dotted_path else None


def spoken_key(voice_name, language, text):
    message = "\n".join((voice_name, language, text)).encode()
    return hashlib.blake2b(message, digest_size=KEY_BYTES).hexdigest()
