from django.apps import AppConfig


class ClassesConfig(AppConfig):
    """People over time: classes, enrollment, sessions, attendance, work, chat, records."""

    name = "classes"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from classes.chat import signals  # noqa: F401 - connects receivers
        from classes.data_rights.retention import start_after_migrate

        post_migrate.connect(start_after_migrate, sender=self)
