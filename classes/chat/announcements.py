"""When a packet or assignment is published for a level, a short system message
with its link appears in the main room of every current class of that level."""

from django.dispatch import receiver
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.signals import page_published

from classes.chat.rooms import main_room
from classes.chat.services import post_message
from classes.models import Class, Message, MessageKind
from packets.models import AssignmentPage, LevelPage, PacketPage


def level_of(page):
    return LevelPage.objects.ancestor_of(page).first()


def announcement_text(page):
    if isinstance(page, AssignmentPage):
        return _("New assignment: %(title)s") % {"title": page.title}
    return _("New packet: %(title)s") % {"title": page.title}


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
        with translation.override("en"):  # the class's shared language is English
            text = announcement_text(page)
        message, _created = post_message(None, room, text, kind=MessageKind.SYSTEM, link=page.url)
        posted.append(message)
    return posted


@receiver(page_published)
def announce_new_content(sender, instance, **kwargs):
    if isinstance(instance, PacketPage | AssignmentPage):
        announce_publication(instance)
