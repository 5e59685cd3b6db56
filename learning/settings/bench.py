"""Benchmarks: production-like (no debug, no manifest needed) on a throwaway
SQLite file under build/, with a trivial view to compare against."""

from learning.settings.base import *  # noqa: F403
from learning.settings.base import BASE_DIR

DEBUG = False
ROOT_URLCONF = "bench._urls"
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "build/bench/harbor.sqlite3",
    }
}
MEDIA_ROOT = BASE_DIR / "build/bench/media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
