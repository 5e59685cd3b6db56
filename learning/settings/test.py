"""Tests: the same settings as development, made fast and deterministic."""

from learning.settings.base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Mail goes through the outbox as in production; the worker (tests call it)
# delivers into Django's test outbox.
HARBOR_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Off unless a test turns it on (tests/packets/voice/): a word waiting for the
# worker keeps its packet page out of the cache, which other tests measure.
HARBOR_VOICE = ""
STORAGES = {
    "default": {"BACKEND": "tests.storage.PathlessInMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
}

# A file, not memory: the chat tests start real server processes (uvicorn) that
# must see the test database. WhiteNoise serves static files from the apps.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-harbor.sqlite3")}  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# One process and its own memory: the student page cache is right here, and on
# in tests so that the page tests see it (classes/student_pages.py).
HARBOR_STUDENT_PAGE_CACHE = True
