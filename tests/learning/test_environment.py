"""Configuration comes from the environment only; mistakes name the variable."""

import importlib
import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from learning.settings.env import ConfigurationError, check_redis_url, database_from_url

ROOT = Path(__file__).resolve().parents[2]
PRINT_SETTINGS = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'db': s.DATABASES['default']['ENGINE'], "
    "'layer': s.CHANNEL_LAYERS['default']['BACKEND'], 'cache': s.CACHES['default']['BACKEND'], "
    "'pool': s.CHANNEL_LAYERS['default'].get('CONFIG', {}).get('hosts', [{}])[0]"
    ".get('max_connections')}))"
)


def run(args, **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATABASE_", "REDIS_", "DJANGO_ALLOW_ASYNC"))
    }
    clean.setdefault("DJANGO_SETTINGS_MODULE", "learning.settings.dev")
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def settings_under(**env):
    result = run(["-c", PRINT_SETTINGS], **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_no_variables_means_sqlite_and_in_memory_layer():
    found = settings_under()
    assert found["db"] == "django.db.backends.sqlite3"
    assert found["layer"] == "learning.channel_layers.ThrottledInMemoryChannelLayer"
    assert found["cache"].endswith("LocMemCache")


def test_urls_switch_to_postgresql_and_redis_with_a_large_pool():
    found = settings_under(
        DATABASE_URL="postgres://harbor:secret@db.internal:5432/harbor",
        REDIS_URL="redis://cache.internal:6379/1",
    )
    assert found["db"] == "django.db.backends.postgresql"
    assert found["layer"] == "channels_redis.pubsub.RedisPubSubChannelLayer"
    assert found["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert found["pool"] > 100


def test_the_embedded_sqlite_database_uses_wal():
    config = database_from_url("", sqlite_default="/tmp/harbor.sqlite3")
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("postgres://harbor@db:notaport/harbor", "DATABASE_URL is malformed"),
        ("mysql://harbor@db/harbor", "DATABASE_URL must start with postgres://"),
        ("just some words", "DATABASE_URL must start with postgres://"),
        ("postgres://", "DATABASE_URL names no host"),
    ],
)
def test_a_malformed_database_url_names_the_variable(url, says):
    with pytest.raises(ConfigurationError, match=says):
        database_from_url(url, sqlite_default="x.sqlite3")


@pytest.mark.parametrize("url", ["http://cache:6379", "redis://cache:port/0", "redis://"])
def test_a_malformed_redis_url_names_the_variable(url):
    with pytest.raises(ConfigurationError, match="REDIS_URL"):
        check_redis_url(url)


def test_start_up_stops_with_one_clear_line_for_a_bad_url():
    result = run(["manage.py", "check"], DATABASE_URL="postgres://harbor@db:oops/harbor")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "Harbor cannot start: DATABASE_URL is malformed: "
        "Port could not be cast to integer value as 'oops'."
    )
    result = run(["manage.py", "check"], REDIS_URL="memcached://cache")
    assert result.returncode == 2
    assert "REDIS_URL" in result.stderr and "Traceback" not in result.stderr


def production_env(**extra):
    return {
        "DJANGO_SETTINGS_MODULE": "learning.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "harbor.example.org",
        **extra,
    }


def test_production_settings_pass_the_deploy_check():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **production_env())
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = run(["manage.py", "check"], **production_env(DJANGO_SECRET_KEY=""))
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_demo_content_is_refused_under_production_settings():
    result = run(["manage.py", "demo"], **production_env())
    assert result.returncode != 0
    assert "not for production" in result.stderr


def import_production_settings(monkeypatch, **env):
    for name, value in production_env(**env).items():
        monkeypatch.setenv(name, value)
    name = "learning.settings.production"
    monkeypatch.delitem(sys.modules, name, raising=False)
    try:
        return importlib.import_module(name)
    finally:
        sys.modules.pop(name, None)  # the next import reads the environment again


@pytest.mark.parametrize("value", ["true", "1", "on"])
def test_production_refuses_to_start_with_debug_on(monkeypatch, value):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_DEBUG must be off in production"):
        import_production_settings(monkeypatch, DJANGO_DEBUG=value)


def test_production_starts_with_debug_off_or_unset(monkeypatch):
    assert import_production_settings(monkeypatch, DJANGO_DEBUG="false").DEBUG is False
    monkeypatch.delenv("DJANGO_DEBUG")
    assert import_production_settings(monkeypatch).DEBUG is False


def test_only_a_trial_server_may_load_the_demo_under_production_settings(monkeypatch):
    assert import_production_settings(monkeypatch).HARBOR_DEMO_ALLOWED is False
    trial = import_production_settings(monkeypatch, HARBOR_TRIAL_SERVER="true")
    assert trial.HARBOR_DEMO_ALLOWED is True


def test_gunicorn_without_its_environment_refuses_rather_than_serve_debug_pages():
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    result = subprocess.run(
        [sys.executable, "-c", "import learning.wsgi"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set in production" in result.stderr
