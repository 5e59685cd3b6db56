"""Private storage for students' work: files with no public URL."""

import uuid

from django.core.files.storage import FileSystemStorage, storages


class PrivateFileSystemStorage(FileSystemStorage):
    """A FileSystemStorage that never gives out a URL.

    FileSystemStorage falls back to MEDIA_URL when it has no base_url, which
    would point a template at a public address; here asking for a URL is an
    error, so every file goes through `private_file_response` in a view that
    has checked the viewer.
    """

    def url(self, name):
        raise ValueError(
            "Private files have no URL: serve them with "
            "classes.uploads.serving.private_file_response from a permission-checked view."
        )


def private_storage():
    """The storage named "private" in settings.STORAGES.

    A callable, so a model can declare `FileField(storage=private_storage)` and
    tests can swap the backend (InMemoryStorage in learning/settings/test.py).
    """
    return storages["private"]


def private_name(extension):
    """A random file name (e.g. "3f2a….jpg"): the student's own file name and
    anything it says about them stay out of the storage and the logs."""
    return f"{uuid.uuid4().hex}{extension}"
