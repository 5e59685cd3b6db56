from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = "Harbor"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.urls import register_converter

        from learning import signals  # noqa: F401 - connects receivers
        from learning.ids import IdConverter, NotIdConverter

        register_converter(IdConverter, "id")
        register_converter(NotIdConverter, "not_id")
