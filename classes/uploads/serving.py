"""The HTTP response for a private file, once a view has checked the viewer.

There is no URL here on purpose: a view that decides who may see a file
(the student, the class's teachers, managers) calls `private_file_response`.
"""

from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse
from django.utils.http import content_disposition_header

from classes.uploads.storage import private_storage
from learning.ranges import file_or_part_response

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
