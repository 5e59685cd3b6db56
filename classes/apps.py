from django.apps import AppConfig


class ClassesConfig(AppConfig):
    """People over time: classes, enrollment, sessions, attendance, work, chat, records."""

    name = "classes"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from classes.chat import signals  # noqa: F401 - connects receivers
