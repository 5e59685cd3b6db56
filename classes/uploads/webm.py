"""WebM (Matroska/EBML): the container of browsers' recordings (Chrome, Android).

EBML elements are an ID, a size and a body; IDs and sizes are variable-length
integers whose first byte says how many bytes follow. A live recording (what
MediaRecorder writes) has no Duration element and segments and clusters of
unknown size, so its length is read from the last block's timestamp instead.
"""

import math
import struct

EBML_HEADER = 0x1A45DFA3
DOC_TYPE = 0x4282
SEGMENT = 0x18538067
INFO = 0x1549A966
TIMECODE_SCALE = 0x2AD7B1
DURATION = 0x4489
CLUSTER = 0x1F43B675
CLUSTER_ID_BYTES = CLUSTER.to_bytes(4, "big")
TIMECODE = 0xE7
SIMPLE_BLOCK = 0xA3
BLOCK_GROUP = 0xA0
BLOCK = 0xA1
NANOSECONDS_PER_TICK = 1_000_000  # the default TimecodeScale: milliseconds
UNKNOWN = -1


def read_vint(data, pos, *, is_id=False):
    """(value, next position); sizes with every value bit set are UNKNOWN."""
    first = data[pos]
    if first == 0:
        raise ValueError("EBML integer longer than 8 bytes")
    length = 9 - first.bit_length()
    if pos + length > len(data):
        raise ValueError("EBML integer cut short")
    value = int.from_bytes(data[pos : pos + length], "big")
    if is_id:
        return value, pos + length
    value &= (1 << (7 * length)) - 1
    return (UNKNOWN if value == (1 << (7 * length)) - 1 else value), pos + length


def elements(data, start, end):
    """(id, body start, body end) for each element between start and end; an
    element of unknown size runs to `end`."""
    pos = start
    while pos < end:
        element_id, pos = read_vint(data, pos, is_id=True)
        size, pos = read_vint(data, pos)
        body_end = end if size == UNKNOWN else min(pos + size, end)
        yield element_id, pos, body_end
        if size == UNKNOWN:
            return
        pos = body_end


def is_webm(data):
    """The EBML header with DocType "webm" (not other Matroska files)."""
    if data[:4] == EBML_HEADER.to_bytes(4, "big"):
        try:
            _, start, end = next(elements(data, 0, len(data)))
            for element_id, body, body_end in elements(data, start, end):
                if element_id == DOC_TYPE:
                    return data[body:body_end].rstrip(b"\0") == b"webm"
        except (ValueError, IndexError):
            return False
    return False


def duration(data):
    """Seconds: the latest block's time in any cluster, or Segment/Info/Duration
    if that says more. The header alone is not believed: a recording whose
    Duration claims one second can hold twenty minutes of blocks."""
    segment = next((e for e in elements(data, 0, len(data)) if e[0] == SEGMENT), None)
    if segment is None:
        raise ValueError("WebM without a segment")
    scale, declared = segment_info(data, segment[1], segment[2])
    if declared is not None and not 0 <= declared < math.inf:
        raise ValueError("a Duration that is no length (NaN, infinite, negative)")
    known = [t for t in (declared, latest_block_ticks(data)) if t is not None]
    return max(known) * scale / 1e9 if known else None


def segment_info(data, start, end):
    """(TimecodeScale, Duration or None), from the Info element before the clusters."""
    for element_id, body, body_end in elements(data, start, end):
        if element_id == CLUSTER:
            break
        if element_id == INFO:
            return info_fields(data, body, body_end)
    return NANOSECONDS_PER_TICK, None


def info_fields(data, start, end):
    scale, declared = NANOSECONDS_PER_TICK, None
    for element_id, body, body_end in elements(data, start, end):
        if element_id == TIMECODE_SCALE:
            scale = int.from_bytes(data[body:body_end], "big") or NANOSECONDS_PER_TICK
        elif element_id == DURATION:
            declared = read_float(data[body:body_end])
    return scale, declared


def read_float(raw):
    if len(raw) == 4:
        return struct.unpack(">f", raw)[0]
    if len(raw) == 8:
        return struct.unpack(">d", raw)[0]
    raise ValueError("EBML float of an impossible size")


def latest_block_ticks(data):
    """The greatest cluster timecode plus block offset in the file, or None.

    Every cluster counts, not only the last (a file could end on an early one).
    Searching for the cluster ID could meet those four bytes inside audio data,
    so a candidate counts only if a Timecode element follows it.
    """
    latest, pos = None, data.find(CLUSTER_ID_BYTES)
    while pos >= 0:
        ticks = cluster_end_ticks(data, pos)
        if ticks is not None:
            latest = ticks if latest is None else max(latest, ticks)
        pos = data.find(CLUSTER_ID_BYTES, pos + 4)
    return latest


def cluster_end_ticks(data, pos):
    try:
        size, body = read_vint(data, pos + 4)
        body_end = len(data) if size == UNKNOWN else min(body + size, len(data))
        children = elements(data, body, body_end)
        element_id, start, stop = next(children)
        if element_id != TIMECODE or not 1 <= stop - start <= 8:
            return None
        cluster_time = int.from_bytes(data[start:stop], "big")
        return cluster_time + last_block_offset(data, children)
    except (ValueError, IndexError, StopIteration):
        return None


def last_block_offset(data, children):
    """The greatest relative timecode of the cluster's blocks (signed 16 bits
    after the track number); a block cut short at the end of the file is skipped."""
    latest = 0
    try:
        for element_id, start, stop in children:
            if element_id == BLOCK_GROUP:
                inner = next((e for e in elements(data, start, stop) if e[0] == BLOCK), None)
                if inner is None:
                    continue
                element_id, start, stop = inner
            if element_id in (SIMPLE_BLOCK, BLOCK):
                _, after_track = read_vint(data, start)
                offset = int.from_bytes(data[after_track : after_track + 2], "big", signed=True)
                latest = max(latest, offset)
    except (ValueError, IndexError):
        pass
    return latest
