"""Reading configuration from the environment, with errors that name the variable.

A typo in DATABASE_URL or REDIS_URL should stop start-up with one clear line,
not a traceback deep inside a database or Redis driver.
"""

import os
from urllib.parse import parse_qs, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


class ConfigurationError(ImproperlyConfigured):
    """A setting read from the environment is wrong; the message names the variable."""


DATABASE_SCHEMES = {"postgres", "postgresql", "pgsql", "sqlite"}
REDIS_SCHEMES = {"redis", "rediss", "unix"}


def env_str(name, default=""):
    return os.environ.get(name, default).strip()


def env_bool(name, default=False):
    value = env_str(name)
    if not value:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ConfigurationError(f"{name} must be true or false, not {value!r}.")


def env_int(name, default):
    value = env_str(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ConfigurationError(f"{name} must be a whole number, not {value!r}.") from None


def env_hour(name, default):
    """An hour of the day, 0-23: a typo stops start-up, not the morning's work."""
    hour = env_int(name, default)
    if not 0 <= hour <= 23:
        raise ConfigurationError(f"{name} must be an hour from 0 to 23, not {hour}.")
    return hour


def env_list(name, default=()):
    value = env_str(name)
    if not value:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def database_from_url(url, *, sqlite_default):
    """The DATABASES['default'] entry for DATABASE_URL (empty: the SQLite file)."""
    if not url:
        return sqlite_database(sqlite_default)
    try:
        parts = urlsplit(url)
        scheme = parts.scheme
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError as error:
        raise ConfigurationError(f"DATABASE_URL is malformed: {error}.") from None
    if scheme not in DATABASE_SCHEMES:
        raise ConfigurationError(
            "DATABASE_URL must start with postgres:// (or be unset for SQLite), "
            f"not {scheme or 'nothing'}://."
        )
    if scheme == "sqlite":
        # sqlite:///relative.sqlite3 or sqlite:////absolute/path.sqlite3
        return sqlite_database(parts.path[1:] or sqlite_default)
    if not parts.hostname and not parts.path.strip("/"):
        raise ConfigurationError("DATABASE_URL names no host and no database.")
    config = dj_database_url.parse(url, conn_max_age=600, conn_health_checks=True)
    config["ENGINE"] = "django.db.backends.postgresql"
    # Server-side binding: every query with parameters is sent apart from them,
    # so psycopg prepares any statement a connection has run `prepare_threshold`
    # times (planned once, not for every request). Measured on the chat path
    # against two hand-prepared statements it replaced: as fast, and Django's
    # own queries gain too (docs/BENCHMARKS.md, "Hand-written SQL, measured again").
    # A pooler in front must keep prepared statements per client (docs/deploy.md).
    options = config.setdefault("OPTIONS", {})
    options.setdefault("server_side_binding", True)
    options.setdefault("prepare_threshold", 5)
    return config


def sqlite_database(path):
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        # Keep connections: opening SQLite and setting its pragmas per request costs.
        "CONN_MAX_AGE": 600,
        # WAL lets readers carry on while a writer commits; a busy timeout
        # waits for the lock instead of failing at once.
        "OPTIONS": {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


def check_redis_url(url):
    """Return REDIS_URL unchanged if it looks like one; raise a clear error if not."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError as error:
        raise ConfigurationError(f"REDIS_URL is malformed: {error}.") from None
    if parts.scheme not in REDIS_SCHEMES:
        raise ConfigurationError(
            f"REDIS_URL must start with redis:// or rediss://, not {parts.scheme or 'nothing'}://."
        )
    if parts.scheme != "unix" and not parts.hostname:
        raise ConfigurationError("REDIS_URL names no host.")
    return url


def channel_layers(redis_url):
    if not redis_url:
        # Capacity per channel: the default of 100 silently drops messages for a
        # socket that falls a little behind in a busy room.
        return {
            "default": {
                "BACKEND": "learning.channel_layers.ThrottledInMemoryChannelLayer",
                "CONFIG": {"capacity": 1500, "expiry": 30},
            }
        }
    return {
        "default": {
            # Redis pub/sub, not the list-based RedisChannelLayer: a room's message
            # is published once and each server process fans it out to its own
            # sockets. Measured with 300 sockets on two processes at 3,000
            # deliveries/s: p99 0.19 s, against 19.6 s for RedisChannelLayer, which
            # pops every delivery one Redis round trip at a time. Pub/sub keeps no
            # queue, so there is no capacity or expiry to tune: chat saves every
            # message first and clients catch up by id (docs/deploy.md).
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {
                # The default pool of 100 raised MaxConnectionsError when many
                # sockets closed at once (150 per process, measured here).
                "hosts": [{"address": redis_url, "max_connections": 1000}],
                "prefix": pubsub_prefix(redis_url),
            },
        }
    }


def pubsub_prefix(redis_url):
    """Redis pub/sub channels belong to the whole server, not to a database
    number: two sites on one Redis (say staging on /1 and production on /2)
    would hear each other's chat rooms under the same channel names. The
    database number in the name keeps them apart, as it keeps their keys."""
    parts = urlsplit(redis_url)
    number = parse_qs(parts.query).get("db", ["0"])[0]
    if parts.scheme != "unix" and parts.path.strip("/"):
        number = parts.path.strip("/")
    return f"harbor.db{number}."


def caches(redis_url):
    if not redis_url:
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                # Each process keeps its own. Room for a program's packet pages in
                # its learners' languages (about 10 KB each) beside the rate
                # limits: the default of 300 entries would keep evicting them.
                "OPTIONS": {"MAX_ENTRIES": 1000},
            }
        }
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "harbor",
        }
    }
