"""Local development: the embedded default (SQLite, in-memory layer) with debug on."""

from learning.settings.base import *  # noqa: F403
from learning.settings.env import env_bool

DEBUG = env_bool("DJANGO_DEBUG", True)

# `make run` serves with uvicorn (scripts/serve-dev.sh): WhiteNoise serves the
# apps' static files straight from their folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
