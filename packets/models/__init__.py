from packets.models.pages import (
    AssignmentPage,
    LevelPage,
    LevelSharedPacket,
    PacketPage,
    PacketTag,
)

__all__ = ["AssignmentPage", "LevelPage", "LevelSharedPacket", "PacketPage", "PacketTag"]
