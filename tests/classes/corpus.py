"""Files the upload tests build for themselves: photos with GPS, image bombs,
files in disguise and minimal but valid audio containers."""

import io
import struct
import wave
import zlib

import pillow_heif
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageCms

RED, BLUE = (255, 0, 0), (0, 0, 255)
GPS_IFD = 0x8825
ORIENTATION = 0x0112
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'


def upload(content, name, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def marked_picture(size=(400, 300)):
    """Red, with a blue square in the top-left corner: shows where the top went."""
    picture = Image.new("RGB", size, RED)
    picture.paste(BLUE, (0, 0, size[0] // 8, size[1] // 8))
    return picture


def gps_exif(orientation=6):
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (40.0, 26.0, 46.0), 3: "W", 4: (79.0, 58.0, 56.0)})
    return exif


def srgb_profile():
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def phone_jpeg(size=(400, 300), orientation=6):
    """A JPEG as phones write them: EXIF with GPS and orientation, ICC, XMP."""
    output = io.BytesIO()
    marked_picture(size).save(
        output, "JPEG", exif=gps_exif(orientation), icc_profile=srgb_profile(), xmp=XMP
    )
    return output.getvalue()


def encoded(picture, image_format, **options):
    output = io.BytesIO()
    picture.save(output, image_format, **options)
    return output.getvalue()


def heic(picture, exif=None):
    """An iPhone-style HEIC; with `exif`, pillow_heif stores its orientation as
    a rotation that the decoder applies (and the EXIF block, GPS included)."""
    output = io.BytesIO()
    options = {"exif": exif.tobytes()} if exif is not None else {}
    pillow_heif.from_pillow(picture).save(output, quality=50, **options)
    return output.getvalue()


def png_chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_header(width, height):
    """A PNG that declares width × height pixels and holds almost none: the
    signature, IHDR (with a correct CRC), a tiny IDAT and IEND, in ~60 bytes."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", zlib.compress(b""))
        + png_chunk(b"IEND", b"")
    )


def jpeg_segments(data):
    """The marker bytes of a JPEG's segments before the image data (0xE0 = APP0…)."""
    markers, pos = [], 2
    while data[pos] == 0xFF and data[pos + 1] != 0xDA:
        markers.append(data[pos + 1])
        pos += 2 + int.from_bytes(data[pos + 2 : pos + 4], "big")
    return markers


# --- audio --------------------------------------------------------------------


def wav(seconds, rate=8000):
    output = io.BytesIO()
    with wave.open(output, "wb") as recording:
        recording.setnchannels(1)
        recording.setsampwidth(1)
        recording.setframerate(rate)
        recording.writeframes(b"\x80" * int(seconds * rate))
    return output.getvalue()


def float_wav(seconds, rate=8000):
    """32-bit float WAV (format 3), which the `wave` module does not read."""
    data = b"\x00" * int(seconds * rate * 4)
    fmt = struct.pack("<HHIIHH", 3, 1, rate, rate * 4, 4, 32)
    chunks = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt
    chunks += b"data" + struct.pack("<I", len(data)) + data
    return b"RIFF" + struct.pack("<I", len(chunks)) + chunks


def ogg_page(packet, granule, header_type=0, sequence=0):
    return (
        b"OggS\x00"
        + bytes([header_type])
        + struct.pack("<qIII", granule, 1234, sequence, 0)
        + bytes([1, len(packet)])
        + packet
    )


def ogg_opus(seconds, pre_skip=312):
    head = b"OpusHead" + struct.pack("<BBHIhB", 1, 1, pre_skip, 48000, 0, 0)
    last = ogg_page(b"\x00" * 40, int(seconds * 48000) + pre_skip, header_type=4, sequence=2)
    return ogg_page(head, 0, header_type=2) + ogg_page(b"OpusTags", 0, sequence=1) + last


def ogg_vorbis(seconds, rate=44100):
    head = b"\x01vorbis" + struct.pack("<IBIiiiBB", 0, 1, rate, 0, 64000, 0, 0xB8, 1)
    return ogg_page(head, 0, header_type=2) + ogg_page(b"\x00" * 30, int(seconds * rate), 4, 1)


def mp4_box(kind, body):
    return struct.pack(">I", 8 + len(body)) + kind + body


def m4a(seconds, brand=b"M4A ", timescale=44100):
    ftyp = mp4_box(b"ftyp", brand + b"\x00\x00\x00\x00" + brand + b"isom")
    mvhd = mp4_box(b"mvhd", struct.pack(">4xIIII", 0, 0, timescale, int(seconds * timescale)))
    mvhd += b"\x00" * 80
    return ftyp + mp4_box(b"moov", mvhd) + mp4_box(b"mdat", b"\x00" * 500)


MP3_FRAME_HEADER = b"\xff\xfb\x90\x00"  # MPEG-1 layer III, 128 kbit/s, 44.1 kHz
MP3_FRAME_LENGTH = 417  # 144 × 128,000 / 44,100


def mp3(frames, *, xing_frames=None, id3=True):
    """Constant-bitrate frames of silence; with `xing_frames`, an Xing header in
    the first frame that states the real count (as VBR encoders write it)."""
    first = bytearray(MP3_FRAME_HEADER + b"\x00" * (MP3_FRAME_LENGTH - 4))
    if xing_frames is not None:
        first[36:48] = b"Xing" + struct.pack(">II", 1, xing_frames)  # 4 + 32 bytes side info
    frame = MP3_FRAME_HEADER + b"\x00" * (MP3_FRAME_LENGTH - 4)
    tag = b"ID3\x04\x00\x00\x00\x00\x00\x0a" + b"\x00" * 10 if id3 else b""
    return tag + bytes(first) + frame * (frames - 1)


def ebml(element_id, body, *, unknown_size=False):
    size = b"\x01\xff\xff\xff\xff\xff\xff\xff" if unknown_size else b"\x01" + len(body).to_bytes(7)
    return element_id + size + body


def ebml_header(doc_type=b"webm"):
    return ebml(b"\x1a\x45\xdf\xa3", ebml(b"\x42\x86", b"\x01") + ebml(b"\x42\x82", doc_type))


def simple_block(relative_ms):
    return ebml(b"\xa3", b"\x81" + struct.pack(">hB", relative_ms, 0x80) + b"\x00" * 20)


def cluster(timecode_ms, block_offsets, *, unknown_size=False):
    body = ebml(b"\xe7", timecode_ms.to_bytes(4)) + b"".join(map(simple_block, block_offsets))
    return ebml(b"\x1f\x43\xb6\x75", body, unknown_size=unknown_size)


def webm_with_duration(seconds, doc_type=b"webm"):
    """As a file muxer writes it: Segment/Info carries the Duration (in ms)."""
    info = ebml(
        b"\x15\x49\xa9\x66",
        ebml(b"\x2a\xd7\xb1", (1_000_000).to_bytes(3))
        + ebml(b"\x44\x89", struct.pack(">d", seconds * 1000)),
    )
    return ebml_header(doc_type) + ebml(b"\x18\x53\x80\x67", info + cluster(0, [0, 20]))


def webm_live(seconds, padding=0):
    """As browsers' MediaRecorder writes it: no Duration, segment and clusters
    of unknown size; the last block's time tells the length."""
    info = ebml(b"\x15\x49\xa9\x66", ebml(b"\x2a\xd7\xb1", (1_000_000).to_bytes(3)))
    void = ebml(b"\xec", b"\x00" * padding) if padding else b""
    last_ms = int(seconds * 1000)
    clusters = cluster(0, [0, 20, 40], unknown_size=True) + cluster(
        last_ms - 1000, [0, 500, 1000], unknown_size=True
    )
    return ebml_header() + ebml(b"\x18\x53\x80\x67", info + void + clusters, unknown_size=True)


def webm_without_timing(padding):
    """A WebM whose length cannot be read: no Duration and no cluster yet."""
    info = ebml(b"\x15\x49\xa9\x66", ebml(b"\x2a\xd7\xb1", (1_000_000).to_bytes(3)))
    void = ebml(b"\xec", b"\x00" * padding)
    return ebml_header() + ebml(b"\x18\x53\x80\x67", info + void, unknown_size=True)


def m4a_with_track(declared_seconds, track_seconds, timescale=44100):
    """An M4A whose movie header claims one length and whose track's samples
    (stts: 1024-sample AAC frames) hold another."""
    ftyp = mp4_box(b"ftyp", b"M4A \x00\x00\x00\x00M4A isom")
    mvhd_fields = struct.pack(">4xIIII", 0, 0, 1000, int(declared_seconds * 1000))
    mvhd = mp4_box(b"mvhd", mvhd_fields + b"\x00" * 80)
    mdhd = mp4_box(b"mdhd", struct.pack(">4xIIII", 0, 0, timescale, 0) + b"\x00" * 4)
    frames = int(track_seconds * timescale / 1024)
    stts = mp4_box(b"stts", struct.pack(">4xIII", 1, frames, 1024))
    stbl = mp4_box(b"stbl", stts)
    trak = mp4_box(b"trak", mp4_box(b"mdia", mdhd + mp4_box(b"minf", stbl)))
    return ftyp + mp4_box(b"moov", mvhd + trak) + mp4_box(b"mdat", b"\x00" * 500)


def wav_claiming(claimed_seconds, held_seconds, rate=8000):
    """A WAV whose data chunk says `claimed_seconds` but which holds more."""
    real = wav(held_seconds, rate)
    pos = real.index(b"data")
    return real[: pos + 4] + struct.pack("<I", int(claimed_seconds * rate)) + real[pos + 8 :]


def ogg_opus_ending_early(seconds, pre_skip=312):
    """Pages up to `seconds`, then a last page whose granule claims one second."""
    head = b"OpusHead" + struct.pack("<BBHIhB", 1, 1, pre_skip, 48000, 0, 0)
    long = ogg_page(b"\x00" * 40, int(seconds * 48000) + pre_skip, sequence=2)
    short = ogg_page(b"\x00" * 40, 48000 + pre_skip, header_type=4, sequence=3)
    return ogg_page(head, 0, header_type=2) + ogg_page(b"OpusTags", 0, sequence=1) + long + short


def webm_claiming(claimed_seconds, held_seconds):
    """A WebM whose Duration says `claimed_seconds` and whose clusters run on,
    ending with an early cluster so the last one alone would also lie."""
    info = ebml(
        b"\x15\x49\xa9\x66",
        ebml(b"\x2a\xd7\xb1", (1_000_000).to_bytes(3))
        + ebml(b"\x44\x89", struct.pack(">d", claimed_seconds * 1000)),
    )
    clusters = cluster(0, [0, 20]) + cluster(int(held_seconds * 1000), [0]) + cluster(500, [0])
    return ebml_header() + ebml(b"\x18\x53\x80\x67", info + clusters)
