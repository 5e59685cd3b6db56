"""Settings shared by every configuration. Everything comes from the environment;
every variable has a working local default so a fresh clone runs as it is."""

from pathlib import Path

from csp.constants import NONE, SELF
from django.conf import global_settings

from learning.languages import LANGUAGES, add_missing_language_info
from learning.settings.env import (
    caches,
    channel_layers,
    check_redis_url,
    database_from_url,
    env_bool,
    env_hour,
    env_int,
    env_list,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("DJANGO_SECRET_KEY", "insecure-local-development-key-not-for-production")
DEBUG = env_bool("DJANGO_DEBUG", False)
# `manage.py demo` loads demo accounts with a published password: never in production.
HARBOR_DEMO_ALLOWED = True
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "learning",
    "home",
    "packets",
    "classes",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "channels",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "learning.middleware.UserLanguageMiddleware",
    "learning.middleware.FirstSignInMiddleware",
    "learning.middleware.BadRequestSaysWhyMiddleware",
    "learning.offline.OfflineMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "learning.admin_input.AdminIncompleteFormMiddleware",
    # Last: a student's kept page passes through every middleware above.
    "classes.student_pages.StudentPageCacheMiddleware",
]

ROOT_URLCONF = "learning.urls"
WSGI_APPLICATION = "learning.wsgi.application"
ASGI_APPLICATION = "learning.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Databases, channel layer and cache: switched by DATABASE_URL and REDIS_URL only.
DATABASES = {
    "default": database_from_url(
        env_str("DATABASE_URL"), sqlite_default=BASE_DIR / "harbor.sqlite3"
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    check_redis_url(REDIS_URL)
CHANNEL_LAYERS = channel_layers(REDIS_URL)
CACHES = caches(REDIS_URL)
# A signed-in student's pages kept whole per student (classes/student_pages.py):
# only with a cache every process shares (Redis), where a change made in one
# process (a chat message over the WebSocket, a task) is seen by all at once.
HARBOR_STUDENT_PAGE_CACHE = bool(REDIS_URL)

AUTH_USER_MODEL = "learning.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Django's database sessions, read with one plain query (learning/sessions.py).
SESSION_ENGINE = "learning.sessions"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Accounts (django-allauth). Students often have no email: they sign in by
# username, and accounts come from their teacher or a class code, not self-signup.
ACCOUNT_ADAPTER = "learning.adapters.AccountAdapter"
# "Signed in as Amina Yusuf", not the username a teacher made up for her.
ACCOUNT_USER_DISPLAY = str
ACCOUNT_LOGIN_METHODS = {"username"}
# No address at signup (when a program opens it): one typed there would become
# the account's address unverified. It is added on /accounts/email/ instead.
ACCOUNT_SIGNUP_FIELDS = ["username*", "password1*", "password2*"]
# An address a user types is used only once confirmed from its mailbox: a new one
# replaces the old on confirmation (learning/emails.py says whose address is whose).
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_FORMS = {"add_email": "learning.forms.AddEmailForm", "login": "learning.forms.LoginForm"}
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SIGNUP_OPEN = env_bool("HARBOR_SIGNUP_OPEN", False)
ACCOUNT_RATE_LIMITS = {
    # A whole classroom often signs in from one NAT address: the default
    # 30/m per IP would lock a class out, so allow more per IP.
    "login": "300/m/ip",
    # Wrong passwords (a right one is not counted), three ways; see
    # learning/adapters.py and docs/security.md. Per username from one address:
    # a student's typos, or one stranger, wait a few minutes, then an hour.
    "login_failed_from_address": "5/5m/key,10/1h/key,100/1d/key",
    # Per address, every username: a classroom's typos fit, spraying a common
    # password over many usernames does not. Per username, every address: above
    # what one address may try (10/h, 100/d), so one stranger never locks a
    # student out; low enough to stop slow guessing from many addresses.
    "login_failed": "60/5m/ip,1000/1d/ip,30/1h/key,200/1d/key",
    "reset_password": "20/m/ip,5/5m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    # Class join codes are short: limit guesses per account and per address.
    "join_class": "10/10m/user,60/10m/ip",
    # Wrong passwords on Wagtail's page and document password forms (a right
    # one is not counted, so a classroom typing it is never stopped); per form
    # (key) too, so many addresses cannot guess at leisure.
    "view_password_failed": "20/10m/ip,100/1d/ip,300/1h/key",
}
# Proxies in front of Harbor (nginx: 1). Their X-Forwarded-For gives the phone's
# address to the rate limits, and X-Forwarded-Proto the scheme WebSocket origins
# are compared with (learning/origins.py); without a proxy both headers are ignored.
HARBOR_TRUSTED_PROXY_COUNT = env_int("HARBOR_TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_PROXY_COUNT = HARBOR_TRUSTED_PROXY_COUNT

# Languages: the interface speaks the learners' languages; Arabic, Dari and
# Pashto are written right to left.
LANGUAGE_CODE = "en"
LANGUAGES = LANGUAGES
LANGUAGES_BIDI = [*global_settings.LANGUAGES_BIDI, "ps", "prs"]
add_missing_language_info()
LOCALE_PATHS = [BASE_DIR / "locale"]
# Date and number formats for the languages Django has none for (prs, ps, ht).
FORMAT_MODULE_PATH = ["learning.formats"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
TIME_ZONE = env_str("HARBOR_TIME_ZONE", "America/New_York")
USE_I18N = True
# Adult-education reporting counts a student as a participant from 12 contact hours.
HARBOR_PARTICIPANT_HOURS = env_int("HARBOR_PARTICIPANT_HOURS", 12)
# The NRS rules for periods of participation (classes/records/rules.py, defined in
# docs/records.md, "Periods of participation"); a state may set others.
HARBOR_NRS_RULES = {
    # A student exits after this many days with no service and none scheduled.
    "exit_after_days": env_int("HARBOR_NRS_EXIT_AFTER_DAYS", 90),
    # A participant has at least this many contact hours within one period.
    "participant_hours": HARBOR_PARTICIPANT_HOURS,
    # The program year begins on this (month, day): July 1 for the NRS.
    "program_year_start": (7, 1),
    # A distance learner (NRS Table 4C): distance hours above this share of the hours.
    "distance_share": "0.5",
    # Distance hours are proxy hours; true adds live virtual hours (attended in
    # online classes), for a state that counts synchronous online instruction.
    "distance_includes_live_virtual": env_bool("HARBOR_NRS_DISTANCE_INCLUDES_LIVE_VIRTUAL"),
}
# Proxy hours for distance learning (classes/records/proxy.py, docs/records.md):
# which model counts each kind of work, and the model's numbers. A state's rules
# may differ: change them here.
HARBOR_PROXY_RULES = {
    "models": {
        "written": "teacher_verification",
        "photo": "teacher_verification",
        "audio": "teacher_verification",
        "quiz": "learner_mastery",
        "reading": "clock_time",
        "flashcards": "clock_time",
    },
    "verified_minutes": 60,  # per piece of work a teacher returns
    "mastery_minutes": 60,  # per quiz passed
    "mastery_percent": 75,  # the passing score
    "idle_timeout_seconds": 300,  # clock time stops counting after this idle
    "daily_cap_minutes": 480,  # clock time counted in one day, at most
}
# How often a packet or flashcard page sends the clock time it measured
# (classes/clock_time.py); the last beacon goes when the page is hidden.
HARBOR_CLOCK_BEACON_SECONDS = 60
# Standardized tests (classes/records/test_rules.py, docs/records.md, "The test
# catalog"): a post-test pairs with a pretest of the same test at most
# `lookback_days` before it; a pretest is the entering one when taken within the
# first `pretest_window_hours` of a period. The minimum hours between them are
# per test, in the catalog. A state's rules may differ: change them here.
HARBOR_TEST_RULES = {
    "lookback_days": env_int("HARBOR_TEST_LOOKBACK_DAYS", 365),
    "pretest_window_hours": env_int("HARBOR_PRETEST_WINDOW_HOURS", 12),
}
# Records pages and exports cover at most this many days at once (their work
# grows with the weeks in the period); two years by default.
HARBOR_RECORDS_MAX_DAYS = env_int("HARBOR_RECORDS_MAX_DAYS", 731)
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("HARBOR_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("HARBOR_MEDIA_ROOT", str(BASE_DIR / "media")))
# Students' work (photos, recordings) is private: its own storage outside
# MEDIA_ROOT, with no URL, served only by permission-checked views
# (classes/uploads/serving.py). See docs/deploy.md, "Uploads".
HARBOR_PRIVATE_MEDIA_ROOT = Path(
    env_str("HARBOR_PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private-media"))
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "private": {
        "BACKEND": "classes.uploads.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": HARBOR_PRIVATE_MEDIA_ROOT},
    },
}
# Production behind nginx: e.g. "/_private/", an `internal` location that
# serves HARBOR_PRIVATE_MEDIA_ROOT after the view has checked the viewer.
HARBOR_PRIVATE_MEDIA_ACCEL_REDIRECT = env_str("HARBOR_PRIVATE_MEDIA_ACCEL_REDIRECT")
# The same for pictures of pages (packets/media.py): e.g. "/_media/", an
# `internal` nginx location serving MEDIA_ROOT once Django has checked the viewer.
HARBOR_MEDIA_ACCEL_REDIRECT = env_str("HARBOR_MEDIA_ACCEL_REDIRECT")
DATA_UPLOAD_MAX_NUMBER_FILES = 10

# Upload limits (classes/uploads/): a phone photo is 2-6 MB and 12 megapixels,
# a spoken answer a few minutes of Opus or AAC.
HARBOR_UPLOAD_MAX_IMAGE_BYTES = env_int("HARBOR_UPLOAD_MAX_IMAGE_BYTES", 15 * 1024 * 1024)
HARBOR_UPLOAD_MAX_IMAGE_PIXELS = env_int("HARBOR_UPLOAD_MAX_IMAGE_PIXELS", 40_000_000)
HARBOR_UPLOAD_MAX_AUDIO_BYTES = env_int("HARBOR_UPLOAD_MAX_AUDIO_BYTES", 10 * 1024 * 1024)
HARBOR_UPLOAD_MAX_AUDIO_SECONDS = env_int("HARBOR_UPLOAD_MAX_AUDIO_SECONDS", 300)
# Photos handed in at once for one assignment: a worksheet is a page or a few.
# Stays under DATA_UPLOAD_MAX_NUMBER_FILES, or Django refuses the whole request.
HARBOR_SUBMISSION_MAX_PHOTOS = env_int("HARBOR_SUBMISSION_MAX_PHOTOS", 6)

# Email: every message goes into the outbox (learning/outbox.py) in the sender's
# transaction; the task worker delivers it: SMTP when EMAIL_HOST is set, else the
# console (development). EMAIL_TIMEOUT bounds a hanging mail server.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_BACKEND = "learning.outbox.OutboxBackend"
HARBOR_EMAIL_DELIVERY_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_TIMEOUT = env_int("HARBOR_EMAIL_TIMEOUT", 20)
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Harbor <harbor@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "Harbor"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Private pages (every level, by default) send visitors to Harbor's own sign-in.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
# One door (learning/doors.py): passwords and addresses are changed and reset on
# allauth's pages, with its rate limits and email verification; the admin's
# account page links there (learning/wagtail_hooks.py).
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
# Phones on paid data: smaller uploads than Wagtail's defaults (10 MB, 128 Mpx),
# and every rendition as WebP, which is a fraction of a JPEG or PNG's size.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 24_000_000
WAGTAILIMAGES_FORMAT_CONVERSIONS = {
    "avif": "webp",
    "bmp": "webp",
    "gif": "webp",
    "heic": "webp",
    "jpeg": "webp",
    "png": "webp",
    "webp": "webp",
}
# Documents are always served by Wagtail's view, which checks their collection's
# restrictions (and Harbor's page rule, packets/wagtail_hooks.py): never a
# direct link into MEDIA_ROOT.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Wagtail's view hands a document's file to this module once it has checked the
# reader: nginx sends it (HARBOR_MEDIA_ACCEL_REDIRECT) or Django does, answering
# byte ranges either way (Safari plays audio only from servers that do).
SENDFILE_BACKEND = "packets.documents"
WAGTAILDOCS_EXTENSIONS = ["pdf", "mp3", "m4a", "ogg", "opus", "wav", "docx", "odt", "txt"]

# Generated pronunciation of vocabulary (packets/voice/, docs/voice.md): the
# voice's class by dotted path; "" turns it off.
HARBOR_VOICE = env_str("HARBOR_VOICE", "packets.voice.espeak.EspeakVoice")

# Content-Security-Policy: nothing from third parties, no inline script.
CONTENT_SECURITY_POLICY = {
    # Wagtail's admin still relies on inline script and style in places.
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "media-src": [SELF, "blob:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}

# Background work (django-tasks): tasks are rows written in the same transaction
# as the change that causes them, run by `manage.py db_worker` (make run starts
# one beside the server; in production it is its own process, docs/deploy.md).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Class chat: messages per user in a sliding window ("5/10s"); load tests raise it.
CHAT_RATE_LIMIT = env_str("CHAT_RATE_LIMIT", "5/10s")
# Chat messages older than this many days are deleted by the task worker
# (classes/data_rights/retention.py); 0 keeps them.
HARBOR_CHAT_RETENTION_DAYS = env_int("HARBOR_CHAT_RETENTION_DAYS", 365)
# The hour (program time, 0-23) of the daily notices run: today's sessions are
# announced and the daily digests sent (classes/notices/tasks.py).
HARBOR_NOTICES_MORNING_HOUR = env_hour("HARBOR_NOTICES_MORNING_HOUR", 7)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("HARBOR_LOG_LEVEL", "INFO")},
    # Wagtail logs every page save and background task at INFO: too chatty.
    "loggers": {
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
    },
}
