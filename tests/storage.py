"""Files in tests live in memory. Django's InMemoryStorage still answers
`path()` with a place on disk where nothing is, and Wagtail serves a document
from `file.path` when it has one: a 404 in tests, or a stray file of a
developer's own `make run` served instead. Without a path, Wagtail streams the
document from the storage, as it does for any storage without local files."""

import os

from django.core.files.storage import InMemoryStorage
from django.utils._os import safe_join


class PathlessInMemoryStorage(InMemoryStorage):
    def path(self, name):
        raise NotImplementedError("Files in memory have no path on disk.")

    def _relative_path(self, name):
        # InMemoryStorage finds its files by the path they would have.
        return os.path.relpath(safe_join(self.location, name), self.location)
