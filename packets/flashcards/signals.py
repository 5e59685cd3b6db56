"""When a packet (or one of its assignments) is published, keep flashcards in step:
progress of words removed from it stops counting as due, and the cards'
pictures are made now, not during a student's download."""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from packets.flashcards.deck import IMAGE_RENDITION, packet_deck


@receiver(page_published)
def keep_flashcards_in_step(sender, instance, **kwargs):
    from packets.models import AssignmentPage, PacketPage

    if isinstance(instance, AssignmentPage):
        instance = instance.get_parent().specific
    if not isinstance(instance, PacketPage):
        return
    deck = packet_deck(instance)
    retire_removed_words(instance, deck)
    transaction.on_commit(lambda: prepare_pictures(deck))


def retire_removed_words(packet, deck):
    from packets.models import FlashcardProgress

    present = [card.item_id for card in deck.cards]
    progress = FlashcardProgress.objects.filter(packet=packet)
    progress.exclude(item_id__in=present).update(retired=True)
    progress.filter(item_id__in=present, retired=True).update(retired=False)


def prepare_pictures(deck):
    for image in deck.images.values():
        image.get_rendition(IMAGE_RENDITION)
