from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The home page and the signed-in dashboards."""

    name = "home"
    default_auto_field = "django.db.models.BigAutoField"
