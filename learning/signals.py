from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import translation

from learning.emails import keep_staff_set_address
from learning.languages import is_supported


@receiver(user_logged_in)
def speak_the_users_language(sender, request, user, **kwargs):
    """After sign-in, show the next page in the user's own language."""
    if is_supported(user.preferred_language):
        translation.activate(user.preferred_language)
        request.LANGUAGE_CODE = user.preferred_language


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def keep_staff_set_address_verified(sender, instance, raw=False, update_fields=None, **kwargs):
    """Staff set addresses in the admin; they count as verified (learning/emails.py)."""
    if raw or (update_fields is not None and "email" not in update_fields):
        return
    keep_staff_set_address(instance)
