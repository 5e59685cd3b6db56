"""The HTTP response for a private file, once a view has checked the viewer.

There is no URL here on purpose: a view that decides who may see a file
(the student, the class's teachers, managers) calls `private_file_response`.
"""

import re
from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header

from classes.uploads.storage import private_storage

# Only these types may be shown in the browser; they are what the upload
# pipeline produces or accepts. Anything else (HTML, SVG, XML, PDF…) is
# downloaded as application/octet-stream, so it can never run as a page
# on Harbor's origin.
INLINE_TYPES = {
    "image/jpeg",
    "image/png",
    "image/webp",
    "audio/webm",
    "audio/ogg",
    "audio/mp4",
    "audio/mpeg",
    "audio/wav",
}
DOWNLOAD_TYPE = "application/octet-stream"
# A file opened directly runs nothing and loads nothing, even if a browser
# were talked into rendering it.
FILE_CSP = "default-src 'none'; sandbox"
SINGLE_RANGE = re.compile(r"bytes=([0-9]{0,18})-([0-9]{0,18})")
UNSATISFIABLE = "unsatisfiable"
CHUNK_BYTES = 64 * 1024


def private_file_response(file, *, filename, content_type, request=None, cache_seconds=3600):
    """Answer with a stored private file.

    `file`: a FieldFile (its own storage is used) or a name in the private
    storage. `filename`: what the browser saves it as. `content_type`: the
    type found when the file was checked (ProcessedImage.content_type,
    AudioInfo.mime_type), never the one the uploader claimed. `request`: pass
    it so a Range request gets its part (Safari plays audio only that way).
    `cache_seconds`: how long the viewer's browser may keep it (0: not at all);
    shared caches never keep it.

    With HARBOR_PRIVATE_MEDIA_ACCEL_REDIRECT set (nginx), the body and ranges
    are left to nginx's `internal` location; see docs/deploy.md.
    """
    name, storage = stored_name_and_storage(file)
    inline = content_type in INLINE_TYPES
    if not inline:
        content_type = DOWNLOAD_TYPE
    accel_prefix = settings.HARBOR_PRIVATE_MEDIA_ACCEL_REDIRECT
    # nginx's internal location maps the private storage's folder only.
    if accel_prefix and storage is private_storage():
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = accel_prefix.rstrip("/") + "/" + quote(name)
    else:
        response = file_or_part_response(storage, name, content_type, request)
    response["Content-Disposition"] = content_disposition_header(not inline, filename)
    add_protective_headers(response, cache_seconds)
    return response


def file_or_part_response(storage, name, content_type, request):
    size = storage.size(name)
    wanted = requested_range(request, size)
    if wanted == UNSATISFIABLE:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    if wanted is None:
        response = FileResponse(storage.open(name, "rb"), content_type=content_type)
        response["Accept-Ranges"] = "bytes"
        return response
    first, last = wanted
    part = read_part(storage.open(name, "rb"), first, last)
    response = StreamingHttpResponse(part, status=206, content_type=content_type)
    response["Content-Range"] = f"bytes {first}-{last}/{size}"
    response["Content-Length"] = str(last - first + 1)
    return response


def requested_range(request, size):
    """(first, last) byte of a single `Range: bytes=…` request, UNSATISFIABLE,
    or None for the whole file (no range, several ranges, or nonsense)."""
    header = request.headers.get("Range", "") if request and request.method == "GET" else ""
    match = SINGLE_RANGE.fullmatch(header.strip())
    if not match or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if not first:  # "bytes=-500": the last 500 bytes
        length = min(int(last), size)
        return (size - length, size - 1) if length else UNSATISFIABLE
    first, last = int(first), int(last) if last else None
    if last is not None and last < first:
        return None
    if first >= size:
        return UNSATISFIABLE
    return first, size - 1 if last is None else min(last, size - 1)


def read_part(stored, first, last):
    with stored:
        stored.seek(first)
        remaining = last - first + 1
        while remaining > 0 and (chunk := stored.read(min(CHUNK_BYTES, remaining))):
            remaining -= len(chunk)
            yield chunk


def stored_name_and_storage(file):
    if isinstance(file, str):
        return file, private_storage()
    return file.name, file.storage


def add_protective_headers(response, cache_seconds):
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_CSP
    # Another site cannot embed a student's photo or recording with their cookies.
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    if cache_seconds:
        response["Cache-Control"] = f"private, max-age={cache_seconds}"
    else:
        response["Cache-Control"] = "private, no-store"
