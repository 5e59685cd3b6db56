"""Local development: the embedded default (SQLite, in-memory layer) with debug on."""

from learning.settings.base import *  # noqa: F403
from learning.settings.env import env_bool

DEBUG = env_bool("DJANGO_DEBUG", True)
