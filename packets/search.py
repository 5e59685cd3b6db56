"""Finding packets across every level, by topic tag and Wagtail search, so a
teacher can reuse (copy or link) another level's work."""

import re

from taggit.models import Tag

from packets.models import LevelPage, PacketPage
from packets.tree import level_path

MAX_RESULTS = 50


def packet_topics():
    """Every tag used on at least one packet, by name."""
    return Tag.objects.filter(packets_packettag_items__isnull=False).distinct().order_by("name")


def search_words(query):
    """The words of a query, without the search backend's syntax: SQLite's FTS5
    raised a syntax error on an unbalanced quote (a 500), and AND/OR/NOT/NEAR in
    capitals are its operators. Words are what people mean."""
    return " ".join(word.lower() for word in re.findall(r"\w+", query))


def find_packets(query="", topic=""):
    """Live packets of every level matching a search and/or a topic slug, each
    with its `level` set (one query for all levels, not one per packet)."""
    packets = PacketPage.objects.live().defer_streamfields()
    if topic:
        packets = packets.filter(tags__slug=topic)
    words = search_words(query)
    if query and not words:
        found = []
    elif words:
        found = list(packets.search(words)[:MAX_RESULTS])
    else:
        found = list(packets.order_by("-first_published_at")[:MAX_RESULTS])
    levels = {level.path: level for level in LevelPage.objects.all()}
    for packet in found:
        packet.level = levels.get(level_path(packet))
    return found
