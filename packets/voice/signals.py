"""Publishing a packet or an assignment asks the worker to speak its vocabulary."""

from django.dispatch import receiver
from wagtail.signals import page_published

from packets.voice.services import request_voices
from packets.voice.texts import vocabulary_texts


@receiver(page_published)
def give_vocabulary_a_voice(sender, instance, **kwargs):
    from packets.models import AssignmentPage, PacketPage

    # Wagtail publishes in a transaction: the task is enqueued with the page.
    if isinstance(instance, PacketPage):
        request_voices(vocabulary_texts(instance.body))
    elif isinstance(instance, AssignmentPage):
        request_voices(vocabulary_texts(instance.instructions))
