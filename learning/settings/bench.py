"""Benchmarks: production-like (no debug, no manifest needed) on a throwaway
SQLite file under build/, with a trivial view to compare against."""

from learning.settings.base import *  # noqa: F403
from learning.settings.base import BASE_DIR
from learning.settings.env import sqlite_database

DEBUG = False
ROOT_URLCONF = "bench._urls"
# Persistent connections, as production has (conn_max_age=600 for PostgreSQL).
DATABASES = {
    "default": {**sqlite_database(BASE_DIR / "build/bench/harbor.sqlite3"), "CONN_MAX_AGE": 600}
}
MEDIA_ROOT = BASE_DIR / "build/bench/media"
HARBOR_PRIVATE_MEDIA_ROOT = BASE_DIR / "build/bench/private-media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {
        "BACKEND": "classes.uploads.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": HARBOR_PRIVATE_MEDIA_ROOT},
    },
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
# The in-memory cache of each worker: right while nothing changes during the run.
HARBOR_STUDENT_PAGE_CACHE = True
