from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import translation

from learning.languages import is_supported


@receiver(user_logged_in)
def speak_the_users_language(sender, request, user, **kwargs):
    """After sign-in, show the next page in the user's own language."""
    if is_supported(user.preferred_language):
        translation.activate(user.preferred_language)
        request.LANGUAGE_CODE = user.preferred_language
