"""Finding packets across every level, by topic tag and Wagtail search, so a
teacher can reuse (copy or link) another level's work."""

from taggit.models import Tag

from packets.models import LevelPage, PacketPage

MAX_RESULTS = 50


def packet_topics():
    """Every tag used on at least one packet, by name."""
    return Tag.objects.filter(packets_packettag_items__isnull=False).distinct().order_by("name")


def find_packets(query="", topic=""):
    """Live packets of every level matching a search and/or a topic slug, each
    with its `level` set (one query for all levels, not one per packet)."""
    packets = PacketPage.objects.live().defer_streamfields()
    if topic:
        packets = packets.filter(tags__slug=topic)
    if query:
        found = list(packets.search(query)[:MAX_RESULTS])
    else:
        found = list(packets.order_by("-first_published_at")[:MAX_RESULTS])
    levels = {level.path: level for level in LevelPage.objects.all()}
    for packet in found:
        packet.level = levels.get(packet.path[: -PacketPage.steplen])
    return found
