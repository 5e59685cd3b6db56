"""Lighthouse audits (bench/lighthouse.py): the benchmark settings, served the way
production serves a phone. Static files are collected with hashed names and gzip
twins and served by WhiteNoise with far-future caching (nginx serves them with
`expires 1y`, docs/deploy.md); HTML is gzipped as nginx's `gzip on` does, and
nothing else is (Debian's nginx leaves `gzip_types` at text/html)."""

from learning.settings.bench import *  # noqa: F403
from learning.settings.bench import BASE_DIR, MIDDLEWARE, STORAGES

STATIC_ROOT = BASE_DIR / "build/bench/static"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Outermost, so that it compresses what every other middleware has written.
MIDDLEWARE = ["bench._html_gzip.HtmlGZipMiddleware", *MIDDLEWARE]
