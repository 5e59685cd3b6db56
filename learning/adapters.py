from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal.ratelimit import consume, get_ip
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation

from learning.languages import is_supported
from learning.welcome.steps import owed_step

# Wrong passwords for one username from one address (ACCOUNT_RATE_LIMITS).
LOGIN_FAILED_FROM_ADDRESS = "login_failed_from_address"


class AccountAdapter(DefaultAccountAdapter):
    """Self-signup is closed unless a program opens it: students get accounts
    from their teacher or join with a class code."""

    def is_open_for_signup(self, request):
        return settings.ACCOUNT_SIGNUP_OPEN

    def get_login_redirect_url(self, request):
        """A temporary password leads straight to the first-sign-in steps (the
        middleware would send them there anyway, one round trip later)."""
        step = owed_step(request.user, request.session)
        return step.url if step else super().get_login_redirect_url(request)

    def set_password(self, user, password):
        """Every way allauth sets a password the user chose (change, set,
        reset by email, the welcome step): it is no longer temporary."""
        user.password_is_temporary = False
        super().set_password(user, password)

    def add_message(self, request, *args, **kwargs):
        """ "Signed in as …" is written during the sign-in, before the page
        speaks the account's language (learning.middleware): write it in that
        language, unless this device chose another one."""
        language = account_language(request)
        if language is None:
            return super().add_message(request, *args, **kwargs)
        with translation.override(language):
            return super().add_message(request, *args, **kwargs)

    def pre_authenticate(self, request, **credentials):
        """Count a sign-in attempt against three limits before the password is
        checked; allauth takes the count back when the password is right.

        allauth's own `login_failed` limits wrong passwords per address (every
        username) and per username (every address). A tight per-username limit
        would let any stranger lock a student out, so it is loose, and the tight
        one is per username *from one address* (LOGIN_FAILED_FROM_ADDRESS),
        checked first: a stranger stopped there no longer uses up the
        username's allowance, so one address alone can never exhaust it.
        """
        from_address = consume(
            request,
            app="allauth.account",
            action=LOGIN_FAILED_FROM_ADDRESS,
            key=self._address_and_login_key(request, **credentials),
        )
        if not from_address:
            raise self.validation_error("too_many_login_attempts")
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            from_address.rollback()  # this attempt never reached a password check
            raise
        self._login_failed_rl_usage.usage.extend(from_address.usage)

    def _address_and_login_key(self, request, **credentials):
        # The address as allauth's per-ip limits see it: the phone's, behind
        # HARBOR_TRUSTED_PROXY_COUNT proxies, an IPv6 address as its /64.
        return f"{get_ip(request)}:{self._get_login_attempts_cache_key(request, **credentials)}"


def account_language(request):
    """The signed-in account's language, when no language cookie overrides it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    if settings.LANGUAGE_COOKIE_NAME in request.COOKIES:
        return None
    return user.preferred_language if is_supported(user.preferred_language) else None
