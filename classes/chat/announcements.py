"""When a packet or assignment is published for a level, a short system notice
with its link appears in the main room of every current class of that level,
worded in each reader's language (notices.py)."""

from django.dispatch import receiver
from wagtail.signals import page_published

from classes.chat import notices
from classes.chat.rooms import main_room
from classes.chat.services import post_notice
from classes.models import Class, Message, MessageKind
from packets.models import AssignmentPage, PacketPage
from packets.tree import level_of


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
