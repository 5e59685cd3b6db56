"""eSpeak NG (Debian's `espeak-ng`) encoded as MP3 by `lame`: both small, both
installed by `make run` (scripts/ensure-espeak.sh). MP3 plays in every browser
and in every Anki; mono at 24 kbit/s is some 3 KB a word, 5-15 KB a sentence."""

import subprocess

from packets.voice import VoiceError

# Slower than espeak-ng's 175 words a minute: the listeners are beginners.
WORDS_PER_MINUTE = 140
BITRATE_KBPS = 24
TIMEOUT_SECONDS = 20
# Harbor's language codes → espeak-ng voices; others are passed as they are.
ESPEAK_VOICES = {"en": "en-us"}


class EspeakVoice:
    name = f"espeak-ng/{WORDS_PER_MINUTE}wpm/mp3-{BITRATE_KBPS}k"
    content_type = "audio/mpeg"
    extension = ".mp3"

    def speak(self, text, language):
        voice = ESPEAK_VOICES.get(language, language)
        # The text goes in on stdin: never read as an option or a file name.
        wav = _run(["espeak-ng", "-v", voice, "-s", str(WORDS_PER_MINUTE), "--stdout"], text)
        mp3 = _run(["lame", "--quiet", "-m", "m", "-b", str(BITRATE_KBPS), "-", "-"], wav)
        if not mp3:
            raise VoiceError("lame wrote nothing")
        return mp3


def _run(command, given):
    data = given.encode() if isinstance(given, str) else given
    try:
        done = subprocess.run(
            command, input=data, capture_output=True, timeout=TIMEOUT_SECONDS, check=True
        )
    except FileNotFoundError as error:
        raise VoiceError(f"{command[0]} is not installed") from error
    except subprocess.TimeoutExpired as error:
        raise VoiceError(f"{command[0]} took too long") from error
    except subprocess.CalledProcessError as error:
        message = error.stderr.decode(errors="replace")[:200]
        raise VoiceError(f"{command[0]} failed: {message}") from error
    return done.stdout
