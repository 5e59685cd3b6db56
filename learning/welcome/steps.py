"""Which first-sign-in step a user owes, and which paths stay open meanwhile.

A user with a temporary password owes, in order: choosing their language, then
choosing their own password. Students then see the picture guide, which is
offered rather than owed (it stays reachable from their home). Staff get the
first two steps only. Nothing else opens until the password is their own.
"""

from enum import Enum

from django.conf import settings
from django.urls import reverse

from learning.languages import remember_language
from learning.roles import Role

# Session key: the id of the user who chose their language in this session
# (an id, not a flag, so a shared phone's next user chooses too).
LANGUAGE_CHOSEN = "welcome_language_chosen_by"

# Paths that never wait for the steps: files and checks browsers and monitors
# fetch by themselves (the service worker keeps the offline page: it must be
# that page, not a step), and the language switch (the footer's, on every step).
ALWAYS_OPEN_PREFIXES = (
    "/healthz",
    "/i18n/",
    "/favicon.ico",
    "/manifest.webmanifest",
    "/sw.js",
    "/offline/",
)


class Step(Enum):
    LANGUAGE = "welcome:language"
    PASSWORD = "welcome:password"
    GUIDE = "welcome:guide"

    @property
    def url(self):
        return reverse(self.value)


def steps_for(user):
    """The steps of this user's first sign-in, in order (shown as "step 1 of 3")."""
    if user.role == Role.STUDENT:
        return (Step.LANGUAGE, Step.PASSWORD, Step.GUIDE)
    return (Step.LANGUAGE, Step.PASSWORD)


def owed_step(user, session):
    """The step this user must do before anything else, or None."""
    if not (user.is_authenticated and user.password_is_temporary):
        return None
    if session.get(LANGUAGE_CHOSEN) != user.pk:
        return Step.LANGUAGE
    return Step.PASSWORD


def language_chosen(user, session, code):
    """The user chose their language: the account speaks it from now on (the
    view also sets this device's language cookie, as the language switch does)."""
    remember_language(user, code)
    session[LANGUAGE_CHOSEN] = user.pk


def after_password(user):
    """Where a user goes once their password is their own: students to the guide."""
    return Step.GUIDE.url if Step.GUIDE in steps_for(user) else "/"


def is_always_open(path):
    """Paths open whatever is owed; decided before the user is even looked at."""
    return path.startswith((settings.STATIC_URL, *ALWAYS_OPEN_PREFIXES))


def may_open(path, step):
    """While `step` is owed: its own page, the language step (changing one's
    mind is harmless) and signing out."""
    open_paths = {step.url, Step.LANGUAGE.url, reverse("account_logout")}
    return path in open_paths
