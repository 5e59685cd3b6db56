"""A stored file, or the byte range a request asks for (Safari plays audio only
from servers that answer ranges; Django's FileResponse does not). Shared by
private uploads (classes/uploads/serving.py) and Wagtail documents
(packets/documents.py), which check the reader first."""

import re

from django.http import FileResponse, HttpResponse, StreamingHttpResponse

SINGLE_RANGE = re.compile(r"bytes=([0-9]{0,18})-([0-9]{0,18})")
UNSATISFIABLE = "unsatisfiable"
CHUNK_BYTES = 64 * 1024


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
