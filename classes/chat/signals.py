"""Closing sockets that lost their right to be open. Channels does not do this by
itself: an HTTP sign-out leaves a user's WebSockets open (channels #1324)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_out
from django.db.models.signals import pre_save
from django.dispatch import receiver

from classes.chat import announcements  # noqa: F401 - connects its receiver
from classes.chat.broadcast import tell_session, tell_user


@receiver(user_logged_out)
def close_sockets_of_the_ended_session(sender, request, user, **kwargs):
    session_key = getattr(getattr(request, "session", None), "session_key", None)
    if session_key:
        tell_session(session_key, "session.ended")


@receiver(pre_save, sender=get_user_model())
def close_sockets_when_the_account_changes(sender, instance, **kwargs):
    """A deactivated account or a new password ends every open socket of the user."""
    if instance.pk is None:
        return
    before = sender.objects.filter(pk=instance.pk).values("is_active", "password").first()
    if before is None:
        return
    if before["password"] != instance.password or (before["is_active"] and not instance.is_active):
        tell_user(instance.pk, "session.ended")
