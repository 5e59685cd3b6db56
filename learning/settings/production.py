"""Production: secrets and hosts must come from the environment.

`manage.py check --deploy --fail-level WARNING` passes with these settings. The
systemd units (deploy/systemd/) name this module themselves, so a server cannot
fall back to the development settings by a line missing from its environment.
"""

from learning.settings.base import *  # noqa: F403
from learning.settings.env import ConfigurationError, env_bool, env_int, env_str

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    raise ConfigurationError("DJANGO_SECRET_KEY must be set in production.")
if not env_str("DJANGO_ALLOWED_HOSTS"):
    raise ConfigurationError("DJANGO_ALLOWED_HOSTS must be set in production.")

# Debug pages show settings and source to anyone who makes an error happen.
if env_bool("DJANGO_DEBUG", False):
    raise ConfigurationError("DJANGO_DEBUG must be off in production: remove it or set false.")
DEBUG = False
# Demo accounts share a published password: only on a trial server, whose
# database never becomes a real program's (docs/deploy.md, "A trial server").
HARBOR_DEMO_ALLOWED = env_bool("HARBOR_TRIAL_SERVER", False)

# Behind nginx terminating TLS.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "same-origin"
