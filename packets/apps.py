from django.apps import AppConfig


class PacketsConfig(AppConfig):
    """Content: levels, packets, assignments, vocabulary and flashcards."""

    name = "packets"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from packets import signals  # noqa: F401 - connects the level signals
        from packets.flashcards import signals as flashcard_signals  # noqa: F401
        from packets.voice import signals as voice_signals  # noqa: F401
