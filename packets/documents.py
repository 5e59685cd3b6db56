"""Documents (worksheets, audio) with byte ranges and honest headers.

Wagtail's /documents/<id>/<name> view checks the reader, then hands the file
to the module named by SENDFILE_BACKEND: this one's `sendfile`. Behind nginx
(HARBOR_MEDIA_ACCEL_REDIRECT) the answer is empty and sends nginx to its
`internal` /_media/documents/ location, which answers ranges itself; under
`make run` Django sends the file, or the part a `Range` asks for (Safari plays
audio only from servers that answer ranges; Django's FileResponse does not).

Wagtail's copy of django-sendfile then writes the whole file's length and a
literal `Content-Encoding: None` over that answer; `serve_document`, the route's
view, puts them right. Wagtail's ETag is the document's file hash, filled in by
packets/wagtail_hooks.py for documents saved without one.
"""

import os
import re
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import HttpResponse
from wagtail.documents.views.serve import serve

from learning.ranges import file_or_part_response

CONTENT_RANGE = re.compile(r"bytes ([0-9]+)-([0-9]+)/[0-9]+")


def sendfile(request, filename, mimetype="application/octet-stream", **_options):
    """SENDFILE_BACKEND: the answer for a document's file, once Wagtail has
    checked the reader. `filename`: its path under MEDIA_ROOT."""
    accel_prefix = settings.HARBOR_MEDIA_ACCEL_REDIRECT
    if accel_prefix:
        name = os.path.relpath(filename, os.path.abspath(settings.MEDIA_ROOT))
        response = HttpResponse(content_type=mimetype)
        response["X-Accel-Redirect"] = accel_prefix.rstrip("/") + "/" + quote(name)
        return response
    folder, name = os.path.split(filename)
    return file_or_part_response(FileSystemStorage(location=folder), name, mimetype, request)


def serve_document(request, document_id, document_filename):
    response = serve(request, document_id, document_filename)
    if response.get("Content-Encoding") == "None":  # Wagtail's sendfile wrote str(None)
        del response["Content-Encoding"]
    length = body_length(response)
    if length is not None:
        response["Content-Length"] = str(length)
    return response


def body_length(response):
    """The length of what `sendfile` answered when it is not the whole file,
    which is what Wagtail's sendfile wrote; None to leave the answer as it is."""
    if response.status_code == 206:
        first, last = CONTENT_RANGE.fullmatch(response["Content-Range"]).groups()
        return int(last) - int(first) + 1
    if response.status_code == 416 or response.has_header("X-Accel-Redirect"):
        return 0  # no body: nginx sends the file, or there is no such part
    return None
