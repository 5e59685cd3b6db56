# Packets with vocabulary, for the home page's flashcard panel.
from tests.packets.flashcards.conftest import (  # noqa: F401
    clinic_packet,
    level,
    make_audio,
    make_image,
    make_packet,
)
