from django.conf import settings
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _

from learning.languages import is_supported
from learning.welcome.steps import is_always_open, may_open, owed_step


class UserLanguageMiddleware:
    """Speak a signed-in user's preferred language on any device they use.

    An explicit choice on this device (the language cookie) still wins; the
    language switcher keeps the two in step.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
            and is_supported(user.preferred_language)
        ):
            translation.activate(user.preferred_language)
            request.LANGUAGE_CODE = user.preferred_language
        return self.get_response(request)


class BadRequestSaysWhyMiddleware:
    """A 400 always carries a message. Wagtail answers a few bad requests with
    an empty one (its task chooser posted without a task type, a dismissible
    update that is not JSON); the person gets a sentence instead of a blank page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 400 and not response.streaming and not response.content:
            response.content = _("This request could not be read. Go back and try again.")
            response["Content-Type"] = "text/plain; charset=utf-8"
        return response


class FirstSignInMiddleware:
    """A user with a temporary password does the first-sign-in steps before
    any other page (learning/welcome/steps.py says which and what stays open)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_always_open(request.path):
            step = owed_step(request.user, request.session)
            if step is not None and not may_open(request.path, step):
                return redirect(step.url)
        return self.get_response(request)
