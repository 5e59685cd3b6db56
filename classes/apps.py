from django.apps import AppConfig


class ClassesConfig(AppConfig):
    """People over time: classes, enrollment, sessions, attendance, work, chat, records."""

    name = "classes"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from classes.chat import signals  # noqa: F401 - connects receivers
        from classes.data_rights.retention import start_after_migrate
        from classes.notices import signals as notice_signals  # noqa: F401 - connects receivers
        from classes.notices.tasks import start_after_migrate as start_morning_notices
        from classes.page_invalidation import connect_page_deletes

        connect_page_deletes()

        post_migrate.connect(start_after_migrate, sender=self)
        post_migrate.connect(start_morning_notices, sender=self)
