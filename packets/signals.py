"""A new level is private, and has its editors' group and collection, from birth."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from packets.models import LevelPage
from packets.permissions import ensure_level_access


@receiver(post_save, sender=LevelPage)
def give_new_level_its_access_rules(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_level_access(instance)
