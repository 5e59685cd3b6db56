"""Recognising audio containers by their first bytes and reading their length.

Standard library only. Each `is_*` looks at magic numbers; each `*_duration`
returns seconds, or None when the file does not say. Malformed structures
raise ValueError or IndexError, which the caller turns into "unreadable".
"""

import io
import wave

from classes.uploads import webm

is_webm = webm.is_webm
webm_duration = webm.duration


def u16le(data, pos):
    return int.from_bytes(data[pos : pos + 2], "little")


def u32le(data, pos):
    return int.from_bytes(data[pos : pos + 4], "little")


def u32be(data, pos):
    return int.from_bytes(data[pos : pos + 4], "big")


def u64be(data, pos):
    return int.from_bytes(data[pos : pos + 8], "big")


# --- WAV: "RIFF" size "WAVE", then chunks -------------------------------------


def is_wav(data):
    return data[:4] == b"RIFF" and data[8:12] == b"WAVE"


def wav_duration(data):
    """Frames over frame rate for PCM (the `wave` module); for other codecs
    (float, A-law…) the data chunk's size over the format's byte rate."""
    try:
        with wave.open(io.BytesIO(data)) as recording:
            return recording.getnframes() / recording.getframerate()
    # `wave` raises RuntimeError for a chunk whose size runs past the end.
    except (wave.Error, EOFError, ZeroDivisionError, RuntimeError):
        return wav_duration_from_chunks(data)


def wav_duration_from_chunks(data):
    byte_rate = None
    pos = 12
    while pos + 8 <= len(data):
        kind, size = data[pos : pos + 4], u32le(data, pos + 4)
        if kind == b"fmt ":
            byte_rate = u32le(data, pos + 16)
        elif kind == b"data":
            if not byte_rate:
                raise ValueError("WAV data before its format")
            return min(size, len(data) - pos - 8) / byte_rate
        pos += 8 + size + (size % 2)
    raise ValueError("WAV without audio data")


# --- Ogg: pages starting "OggS"; Opus (48 kHz) or Vorbis ----------------------


def is_ogg(data):
    return data[:4] == b"OggS" and data[4] == 0 and ogg_codec(data) is not None


def ogg_codec(data):
    """(sample rate, samples to skip) from the first page's packet, or None."""
    packet = 27 + data[26]
    if data[packet : packet + 8] == b"OpusHead":
        # Opus granule positions always count 48 kHz samples.
        return 48_000, u16le(data, packet + 10)
    if data[packet : packet + 7] == b"\x01vorbis":
        return u32le(data, packet + 12), 0
    return None


def ogg_duration(data):
    """The last page's granule position (samples so far), minus Opus pre-skip."""
    rate, pre_skip = ogg_codec(data)
    if not rate:
        raise ValueError("Ogg stream without a sample rate")
    end = len(data)
    while (pos := data.rfind(b"OggS", 0, end)) >= 0:
        granule = int.from_bytes(data[pos + 6 : pos + 14], "little", signed=True)
        if data[pos + 4] == 0 and pos + 27 <= len(data) and granule >= 0:
            return max(granule - pre_skip, 0) / rate
        end = pos  # -1: no packet ends on that page; look further back
    return None


# --- MP4 / M4A: ISO boxes, "ftyp" first --------------------------------------

# Major brands of audio (and audio-and-video) MP4 files: phones' voice memos
# (M4A), browsers' MediaRecorder (isom, iso5, mp42), Android (3gp). Image
# brands (HEIC, AVIF) share the container and are left out on purpose.
MP4_BRANDS = {
    b"M4A ", b"M4B ", b"mp41", b"mp42", b"isom", b"iso2", b"iso4", b"iso5",
    b"iso6", b"dash", b"3gp4", b"3gp5", b"3gp6", b"3g2a", b"avc1", b"MSNV",
}  # fmt: skip


def is_mp4(data):
    return data[4:8] == b"ftyp" and 16 <= u32be(data, 0) <= 256 and data[8:12] in MP4_BRANDS


def mp4_boxes(data, start, end):
    """(type, content start, box end) for each box between start and end."""
    pos = start
    while pos + 8 <= end:
        size, kind, header = u32be(data, pos), data[pos + 4 : pos + 8], 8
        if size == 1:
            size, header = u64be(data, pos + 8), 16
        elif size == 0:
            size = end - pos
        if size < header:
            raise ValueError("MP4 box with an impossible size")
        yield kind, pos + header, min(pos + size, end)
        pos += size


def mp4_child(data, start, end, kind):
    return next(((s, e) for k, s, e in mp4_boxes(data, start, end) if k == kind), None)


def mp4_duration(data):
    """The movie header's duration over its time scale (moov/mvhd); for a
    fragmented recording whose mvhd says 0, moov/mvex/mehd if present."""
    moov = mp4_child(data, 0, len(data), b"moov")
    if moov is None:
        raise ValueError("MP4 without a movie header")
    mvhd = mp4_child(data, *moov, b"mvhd")
    if mvhd is None:
        raise ValueError("MP4 without mvhd")
    start = mvhd[0]
    if data[start] == 1:
        timescale, duration = u32be(data, start + 20), u64be(data, start + 24)
    else:
        timescale, duration = u32be(data, start + 12), u32be(data, start + 16)
    if not timescale:
        raise ValueError("MP4 with a zero time scale")
    if duration in (0, 0xFFFFFFFF, 0xFFFFFFFFFFFFFFFF):
        duration = fragment_duration(data, moov)
    return duration / timescale if duration else None


def fragment_duration(data, moov):
    mvex = mp4_child(data, *moov, b"mvex")
    mehd = mvex and mp4_child(data, *mvex, b"mehd")
    if not mehd:
        return None
    start = mehd[0]
    return u64be(data, start + 4) if data[start] == 1 else u32be(data, start + 4)


# --- MP3: optional ID3v2 tag, then MPEG audio layer III frames ----------------

MP3_BITRATES = {  # kbit/s by bitrate index, layer III
    "1": (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    "2": (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
MP3_SAMPLE_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def mp3_frame(data, pos):
    """(frame length, sample rate, samples per frame, bitrate, MPEG-1, mono) or None."""
    header = data[pos : pos + 4]
    if len(header) < 4 or header[0] != 0xFF or header[1] & 0xE0 != 0xE0:
        return None
    version, layer = (header[1] >> 3) & 3, (header[1] >> 1) & 3
    bitrate_index, rate_index = header[2] >> 4, (header[2] >> 2) & 3
    if version == 1 or layer != 1 or bitrate_index in (0, 15) or rate_index == 3:
        return None  # reserved values, free format, or not layer III
    mpeg1 = version == 3
    bitrate = MP3_BITRATES["1" if mpeg1 else "2"][bitrate_index] * 1000
    rate = MP3_SAMPLE_RATES[version][rate_index]
    padding = (header[2] >> 1) & 1
    length = (144 if mpeg1 else 72) * bitrate // rate + padding
    return length, rate, 1152 if mpeg1 else 576, bitrate, mpeg1, header[3] >> 6 == 3


def mp3_audio_start(data):
    """Where the first frame starts: after an ID3v2 tag if there is one."""
    if data[:3] != b"ID3":
        return 0
    size = 0
    for byte in data[6:10]:
        size = (size << 7) | (byte & 0x7F)  # "synchsafe": 7 bits a byte
    footer = 10 if data[5] & 0x10 else 0
    return 10 + size + footer


def is_mp3(data):
    """A valid layer III frame header where the audio starts, and another one
    right after it unless the file ends there: two in a row are no accident."""
    start = mp3_audio_start(data)
    first = mp3_frame(data, start)
    if first is None:
        return False
    following = start + first[0]
    return following >= len(data) or mp3_frame(data, following) is not None


def mp3_duration(data):
    """Frames × samples per frame from a Xing/Info header (variable bitrate
    files written by encoders and phones); otherwise the size over the first
    frame's bitrate, exact for constant bitrate and an estimate for the rest."""
    start = mp3_audio_start(data)
    length, rate, samples, bitrate, mpeg1, mono = mp3_frame(data, start)
    side_info = (17 if mono else 32) if mpeg1 else (9 if mono else 17)
    xing = start + 4 + side_info
    if data[xing : xing + 4] in (b"Xing", b"Info") and u32be(data, xing + 4) & 1:
        return u32be(data, xing + 8) * samples / rate
    return (len(data) - start) * 8 / bitrate
