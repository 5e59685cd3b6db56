"""The languages Harbor's interface is offered in, and what Django lacks about them."""

from django.conf import locale, settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

# Languages of the program's learners. English first: it is the default and
# the language of the content itself.
LANGUAGES = [
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("prs", _("Dari")),
    ("ps", _("Pashto")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("ht", _("Haitian Creole")),
    ("sw", _("Swahili")),
    ("uk", _("Ukrainian")),
]

# Django's LANG_INFO has no entry for these three; without one, the language
# switcher and get_language_info() fail for them.
MISSING_LANG_INFO = {
    "ht": {"bidi": False, "code": "ht", "name": "Haitian Creole", "name_local": "Kreyòl ayisyen"},
    "ps": {"bidi": True, "code": "ps", "name": "Pashto", "name_local": "پښتو"},
    "prs": {"bidi": True, "code": "prs", "name": "Dari", "name_local": "دری"},
}


# Phones set to Dari announce it as Persian: "fa-AF" (Afghanistan), often plain
# "fa". Harbor has no Persian; Dari is the same language as written in
# Afghanistan, so those readers get Dari rather than English.
READ_AS_DARI = ("fa", "fa-af", "fa-ir")


def add_missing_language_info():
    for code, info in MISSING_LANG_INFO.items():
        locale.LANG_INFO.setdefault(code, info)
    for code in READ_AS_DARI:
        locale.LANG_INFO.setdefault(code, {})["fallback"] = ["prs"]


def is_supported(code):
    return code in dict(LANGUAGES)


def remember_language(user, code):
    """The account speaks `code` from now on, on any device it signs in on."""
    if user.preferred_language != code:
        user.preferred_language = code
        user.save(update_fields=["preferred_language"])


def set_language_cookie(response, code):
    """This device's language, as Django's language switch remembers it."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


def reading_language(user, cookies):
    """The language a signed-in user reads Harbor in on this device, as pages
    decide it (LocaleMiddleware, then UserLanguageMiddleware): this device's
    choice (the language cookie), else the account's. For WebSockets, which
    pass through no middleware."""
    chosen = cookies.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen:
        try:
            return translation.get_supported_language_variant(chosen)
        except LookupError:
            pass  # a language Harbor does not offer: the account's
    if is_supported(user.preferred_language):
        return user.preferred_language
    return settings.LANGUAGE_CODE
