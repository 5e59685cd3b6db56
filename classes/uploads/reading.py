"""Reading an upload into memory without ever reading more than the limit."""

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from classes.uploads.errors import UploadRejected


def read_within(uploaded_file, max_bytes):
    """All the bytes of `uploaded_file`, refusing it once it passes `max_bytes`.

    Django's UploadedFile knows its size before reading; a plain file object
    is read to one byte past the limit, never further.
    """
    declared = getattr(uploaded_file, "size", None)
    if declared is not None and declared > max_bytes:
        raise too_large(declared, max_bytes)
    if hasattr(uploaded_file, "seek"):
        uploaded_file.seek(0)
    data = uploaded_file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large(len(data), max_bytes)
    if not data:
        raise UploadRejected(_("This file is empty."), code="empty")
    return data


def too_large(size, max_bytes):
    return UploadRejected(
        _("This file is too large (%(size)s). The largest file accepted is %(limit)s."),
        code="too_large",
        params={"size": filesizeformat(size), "limit": filesizeformat(max_bytes)},
    )
