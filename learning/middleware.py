from django.conf import settings
from django.utils import translation

from learning.languages import is_supported


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
