from django.apps import AppConfig


class PacketsConfig(AppConfig):
    """Content: levels, packets, assignments, vocabulary and flashcards."""

    name = "packets"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from packets.flashcards import signals  # noqa: F401
