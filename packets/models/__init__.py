from packets.models.flashcards import FlashcardProgress
from packets.models.pages import (
    AssignmentPage,
    LevelPage,
    LevelSharedPacket,
    PacketPage,
    PacketTag,
)
from packets.models.voice import SpokenText

__all__ = [
    "AssignmentPage",
    "FlashcardProgress",
    "LevelPage",
    "LevelSharedPacket",
    "PacketPage",
    "PacketTag",
    "SpokenText",
]
