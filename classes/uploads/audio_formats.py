"""Recognising audio containers by their first bytes and reading their length.

Standard library only. Each `is_*` looks at magic numbers; each `*_duration`
returns seconds, or None when the file does not say. Malformed structures
raise ValueError or IndexError, which the caller turns into "unreadable".
"""

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
    """The audio bytes in the file over the format's byte rate. Not the data
    chunk's declared size: a header claiming one second can be followed by
    twenty minutes of samples, which players read to the end of the file."""
    byte_rate = None
    pos = 12
    while pos + 8 <= len(data):
        kind, size = data[pos : pos + 4], u32le(data, pos + 4)
        if kind == b"fmt ":
            byte_rate = u32le(data, pos + 16)
        elif kind == b"data":
            if not byte_rate:
                raise ValueError("WAV data before its format")
            return (len(data) - pos - 8) / byte_rate
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
    """The greatest granule position (samples so far) of any page, minus Opus
    pre-skip: every page counts, not only the last, which a file could fake."""
    rate, pre_skip = ogg_codec(data)
    if not rate:
        raise ValueError("Ogg stream without a sample rate")
    latest, pos = None, data.find(b"OggS")
    while pos >= 0:
        granule = int.from_bytes(data[pos + 6 : pos + 14], "little", signed=True)
        # -1: no packet ends on that page.
        if data[pos + 4] == 0 and pos + 27 <= len(data) and granule >= 0:
            latest = granule if latest is None else max(latest, granule)
        pos = data.find(b"OggS", pos + 4)
    return None if latest is None else max(latest - pre_skip, 0) / rate


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
    declared = duration / timescale if duration else None
    # The movie header is not believed alone: each track's samples (stts) say
    # how long it plays, and a header claiming one second can front far more.
    known = [t for t in (declared, *track_durations(data, moov)) if t is not None]
    return max(known) if known else None


def track_durations(data, moov):
    """Seconds of each track: the sum of its sample durations (moov/trak/mdia/
    minf/stbl/stts) over its media time scale (mdhd)."""
    for kind, start, end in mp4_boxes(data, *moov):
        if kind != b"trak":
            continue
        mdia = mp4_child(data, start, end, b"mdia")
        mdhd = mdia and mp4_child(data, *mdia, b"mdhd")
        minf = mdia and mp4_child(data, *mdia, b"minf")
        stbl = minf and mp4_child(data, *minf, b"stbl")
        stts = stbl and mp4_child(data, *stbl, b"stts")
        if not (mdhd and stts):
            continue
        version = data[mdhd[0]]
        timescale = u32be(data, mdhd[0] + (20 if version == 1 else 12))
        if timescale:
            yield sample_time(data, *stts) / timescale


def sample_time(data, start, end):
    """Total of an stts box's (count × duration) entries (as many as fit in it:
    the count is the file's word, the box's size is what is there)."""
    entries = min(u32be(data, start + 4), max(end - start - 8, 0) // 8)
    total = 0
    for entry in range(entries):
        pos = start + 8 + entry * 8
        total += u32be(data, pos) * u32be(data, pos + 4)
    return total


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
    """The frames in the file, counted one by one; a Xing/Info header's frame
    count is believed only when it says more (its header could claim a second
    in front of twenty minutes). Garbage after the frames counts by the first
    frame's bitrate, as a player that resynchronises would play it."""
    start = mp3_audio_start(data)
    length, rate, samples, bitrate, mpeg1, mono = mp3_frame(data, start)
    side_info = (17 if mono else 32) if mpeg1 else (9 if mono else 17)
    xing = start + 4 + side_info
    declared = 0
    if data[xing : xing + 4] in (b"Xing", b"Info") and u32be(data, xing + 4) & 1:
        declared = u32be(data, xing + 8) * samples / rate
    frames, pos = 0, start
    while (frame := mp3_frame(data, pos)) is not None:
        frames, pos = frames + 1, pos + frame[0]
    counted = frames * samples / rate + max(len(data) - pos, 0) * 8 / bitrate
    return max(declared, counted)
