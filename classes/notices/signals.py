"""A new packet for a level tells its students: the receiver lives here, in
classes, because packets never import classes (DESIGN.md)."""

from django.dispatch import receiver
from wagtail.signals import page_published

from classes.notices.triggers import packet_published
from packets.models import PacketPage


@receiver(page_published)
def tell_students_of_a_new_packet(sender, instance, **kwargs):
    # The first publication only; an edit published later is not news.
    first = instance.first_published_at == instance.last_published_at
    if isinstance(instance, PacketPage) and first:
        packet_published(instance)
