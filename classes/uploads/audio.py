"""Voice recordings: the type is read from the bytes, the length is checked.

The file name and the content type a browser claims are ignored: a page
saved as `answer.webm` is text, and is refused as such.
"""

import math
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from classes.uploads import audio_formats
from classes.uploads.errors import UploadRejected
from classes.uploads.reading import read_within

# When a recording's length cannot be read from its headers (rare: a stream
# cut short, an unusual muxer), its size stands in for it: at 128 kbit/s,
# browsers' default for recorded Opus and AAC, the longest accepted recording
# takes HARBOR_UPLOAD_MAX_AUDIO_SECONDS × 16,000 bytes. A lower bitrate can
# then hold a longer recording; the byte limit still bounds what is stored.
FALLBACK_BYTES_PER_SECOND = 16_000


@dataclass(frozen=True)
class AudioInfo:
    """What Harbor knows about an accepted recording.

    `duration_seconds` is None when the headers do not say it (see
    FALLBACK_BYTES_PER_SECOND); `extension` is the one to store it under.
    """

    mime_type: str
    extension: str
    duration_seconds: float | None


@dataclass(frozen=True)
class AudioFormat:
    mime_type: str
    extension: str
    matches: object  # bytes -> bool
    duration: object  # bytes -> float | None


FORMATS = (
    AudioFormat("audio/webm", ".webm", audio_formats.is_webm, audio_formats.webm_duration),
    AudioFormat("audio/ogg", ".ogg", audio_formats.is_ogg, audio_formats.ogg_duration),
    AudioFormat("audio/mp4", ".m4a", audio_formats.is_mp4, audio_formats.mp4_duration),
    AudioFormat("audio/wav", ".wav", audio_formats.is_wav, audio_formats.wav_duration),
    AudioFormat("audio/mpeg", ".mp3", audio_formats.is_mp3, audio_formats.mp3_duration),
)


def check_audio(uploaded_file):
    """Return AudioInfo for an accepted recording; raise UploadRejected if refused.

    The file is not changed: store the uploaded bytes under `info.extension`.
    """
    data = read_within(uploaded_file, settings.HARBOR_UPLOAD_MAX_AUDIO_BYTES)
    audio_format = sniff(data)
    try:
        duration = audio_format.duration(data)
        if duration is not None and not 0 <= duration < math.inf:
            raise ValueError("a length that is no length (NaN, infinite, negative)")
    except (ValueError, IndexError, EOFError):
        raise UploadRejected(
            _("This recording could not be read; it may be damaged or cut short."),
            code="unreadable",
        ) from None
    refuse_too_long(duration, len(data))
    return AudioInfo(audio_format.mime_type, audio_format.extension, duration)


def sniff(data):
    for audio_format in FORMATS:
        try:
            if audio_format.matches(data):
                return audio_format
        except (ValueError, IndexError):
            continue  # too short or malformed for this format: try the next
    raise UploadRejected(
        _("This is not a recording Harbor accepts. Send WebM, Ogg, M4A, MP3 or WAV audio."),
        code="wrong_type",
    )


def refuse_too_long(duration, size):
    max_seconds = settings.HARBOR_UPLOAD_MAX_AUDIO_SECONDS
    limit = minutes_and_seconds(max_seconds)
    if duration is None and size > max_seconds * FALLBACK_BYTES_PER_SECOND:
        raise UploadRejected(
            _("This recording is too long. The longest recording accepted is %(limit)s."),
            code="too_long",
            params={"limit": limit},
        )
    if duration is not None and duration > max_seconds:
        raise UploadRejected(
            _(
                "This recording is too long (%(duration)s). "
                "The longest recording accepted is %(limit)s."
            ),
            code="too_long",
            params={"duration": minutes_and_seconds(duration), "limit": limit},
        )


def minutes_and_seconds(seconds):
    minutes, seconds = divmod(int(seconds), 60)
    return f"{minutes}:{seconds:02d}"
