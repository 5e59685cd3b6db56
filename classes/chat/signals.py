"""What the chat does when something happens elsewhere: a published packet or
assignment is announced in its classes' main rooms, and sockets that lost their
right to be open are closed (Channels does not do this by itself: an HTTP
sign-out leaves a user's WebSockets open, channels #1324).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_out
from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail.signals import page_published

from classes.chat import notices
from classes.chat.broadcast import tell_session, tell_user
from classes.chat.rooms import main_room
from classes.chat.services import post_notice
from classes.models import Class, Message, MessageKind
from packets.models import AssignmentPage, PacketPage
from packets.tree import level_of


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


# When a packet or assignment is published for a level, a short system notice
# with its link appears in the main room of every current class of that level,
# worded in each reader's language (notices.py).


def notice_of(page):
    return notices.NEW_ASSIGNMENT if isinstance(page, AssignmentPage) else notices.NEW_PACKET


def announce_publication(page):
    """Post once per page and class: republishing an edit announces nothing new."""
    level = level_of(page)
    if level is None:
        return []
    posted = []
    for cohort in Class.objects.filter(level=level).current():
        room = main_room(cohort)
        if Message.objects.filter(room=room, kind=MessageKind.SYSTEM, link=page.url).exists():
            continue
        posted.append(post_notice(room, notice_of(page), {"title": page.title}, link=page.url))
    return posted


@receiver(page_published)
def announce_new_content(sender, instance, **kwargs):
    if isinstance(instance, PacketPage | AssignmentPage):
        announce_publication(instance)
