"""Decks come from content: the vocabulary items of a packet's vocabulary blocks
(and of its assignments' instructions); a level's deck is all of its packets'.

Items are read from the StreamFields' raw JSON rather than through the blocks,
so a deck of any size costs a constant number of queries: pages, images,
documents. Each card is named by (packet id, ListBlock item id): Wagtail keeps
the item id across edits and revisions.
"""

import hashlib
from dataclasses import dataclass, field

from django.utils.functional import cached_property
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from packets.tree import by_parent

# The picture size on a card, in the browser and in Anki: small for phones on paid data.
IMAGE_RENDITION = "max-480x480|format-webp"


@dataclass(frozen=True)
class Flashcard:
    packet_id: int
    item_id: str
    term: str
    meaning: str
    example: str = ""
    image_id: int | None = None
    audio_id: int | None = None
    translations: tuple = ()  # (language code, text) pairs, in the teacher's order

    @property
    def key(self):
        return (self.packet_id, self.item_id)

    def translation_in(self, language):
        return next((text for code, text in self.translations if code == language), "")


@dataclass
class DeckSection:
    """One packet's cards: a subdeck in Anki."""

    packet: object
    cards: list = field(default_factory=list)


@dataclass
class Deck:
    level: object
    sections: list
    images: dict  # image id -> Image
    documents: dict  # document id -> Document

    @cached_property
    def cards(self):
        return [card for section in self.sections for card in section.cards]

    @cached_property
    def by_key(self):
        return {card.key: card for card in self.cards}

    @property
    def packets(self):
        return [section.packet for section in self.sections]

    def image_for(self, card):
        return self.images.get(card.image_id)

    def audio_for(self, card):
        return self.documents.get(card.audio_id)

    @cached_property
    def spoken(self):
        """Generated pronunciation, {text: SpokenText}: one query, made only
        when a card is shown or the deck exported (packets/voice/)."""
        from packets.voice.texts import card_texts, ready_spoken

        return ready_spoken({text for card in self.cards for text in card_texts(card)})

    def spoken_term(self, card):
        """The term's generated audio, unless the teacher recorded the word."""
        return None if card.audio_id else self.spoken.get(card.term)

    def spoken_example(self, card):
        return self.spoken.get(card.example) if card.example else None

    def __len__(self):
        return len(self.cards)


def everything(pages):
    return list(pages)


def packet_deck(packet, viewable=everything):
    """`viewable` keeps the pages the reader may view (packets/privacy.py): an
    assignment with its own restriction adds no words for others."""
    from packets.models import LevelPage

    level = LevelPage.objects.parent_of(packet).first()
    return _build_deck(level, [packet], viewable)


def level_deck(level, viewable=everything):
    """All of a level's live packets that the reader may view."""
    from packets.models import PacketPage

    packets = PacketPage.objects.live().in_levels([level]).order_by("number", "path")
    return _build_deck(level, viewable(packets), viewable)


def deck_for_page(page, request):
    """The deck of a LevelPage or a PacketPage, as this request may see it."""
    from packets.models import LevelPage
    from packets.privacy import page_access

    viewable = page_access(request).viewable
    if isinstance(page, LevelPage):
        return level_deck(page, viewable)
    return packet_deck(page, viewable)


def _build_deck(level, packets, viewable=everything):
    sections = {packet.pk: DeckSection(packet) for packet in packets}
    for packet in packets:
        _add_cards(sections[packet.pk], packet.pk, packet.body)
    assignments = viewable(_live_assignments(packets))
    for packet, children in by_parent(assignments, packets).items():
        for assignment in children:
            _add_cards(sections[packet.pk], packet.pk, assignment.instructions)
    cards = [card for section in sections.values() for card in section.cards]
    return Deck(
        level=level,
        sections=[section for section in sections.values() if section.cards],
        images=_in_bulk(
            get_image_model().objects.prefetch_renditions(IMAGE_RENDITION),
            {c.image_id for c in cards},
        ),
        documents=_in_bulk(get_document_model().objects.all(), {c.audio_id for c in cards}),
    )


def _live_assignments(packets):
    from packets.models import AssignmentPage

    if not packets:
        return []
    return AssignmentPage.objects.live().in_packets(packets).order_by("path")


def _in_bulk(queryset, ids):
    ids = {i for i in ids if i}
    return queryset.in_bulk(ids) if ids else {}


def words_in(packet):
    """How many flashcards the packet's own page holds (its assignments may add
    more): whether the page offers its flashcards."""
    section = DeckSection(packet)
    _add_cards(section, packet.pk, packet.body)
    return len(section.cards)


def _add_cards(section, packet_id, stream):
    seen = {card.item_id for card in section.cards}
    for block in stream.raw_data:
        if block.get("type") != "vocabulary":
            continue
        for raw_item in (block.get("value") or {}).get("items") or []:
            card = card_from_raw(packet_id, raw_item)
            if card and card.item_id not in seen:
                seen.add(card.item_id)
                section.cards.append(card)


def card_from_raw(packet_id, raw_item):
    """A Flashcard from a ListBlock item as stored: {"type": "item", "value": {...}, "id": ...}."""
    if isinstance(raw_item, dict) and raw_item.get("type") == "item":
        value, item_id = raw_item.get("value") or {}, raw_item.get("id")
    else:
        # Wagtail's old ListBlock format had no ids: name the item by its term.
        value, item_id = raw_item or {}, None
    term, meaning = (value.get("term") or "").strip(), (value.get("meaning") or "").strip()
    if not term or not meaning:
        return None
    item_id = item_id or "term-" + hashlib.sha1(term.encode()).hexdigest()[:16]
    return Flashcard(
        packet_id=packet_id,
        item_id=str(item_id),
        term=term,
        meaning=meaning,
        example=(value.get("example") or "").strip(),
        image_id=value.get("image") or None,
        audio_id=value.get("audio") or None,
        translations=tuple(_translations(value.get("translations") or [])),
    )


def _translations(raw_list):
    for raw in raw_list:
        value = raw.get("value", raw) if isinstance(raw, dict) else {}
        code, text = value.get("language"), (value.get("text") or "").strip()
        if code and text:
            yield code, text
