"""The export files' URLs end in .apkg / .txt, which Wagtail's page URL pattern
does not accept; hand them to Wagtail's `serve` so routing and page privacy
stay Wagtail's."""

from django.urls import re_path
from wagtail import views as wagtail_views


def serve_flashcard_file(request, path):
    return wagtail_views.serve(request, path)


urlpatterns = [
    re_path(
        r"^((?:[\w\-]+/)*flashcards\.(?:apkg|txt))$",
        serve_flashcard_file,
        name="flashcard_file",
    )
]
