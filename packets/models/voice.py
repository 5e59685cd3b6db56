"""Generated pronunciation: one row per (voice, language, text), shared by every
packet that holds the text, so a word is spoken once however often it appears.

The row is made, waiting, in the transaction that publishes the page; the task
worker fills in the file (packets/voice/tasks.py). Its key is a digest of the
voice's name, the language and the text: the URL of its audio follows from the
text alone (packets/voice/views.py).
"""

import os

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class SpokenTextQuerySet(models.QuerySet):
    def ready(self):
        return self.filter(state=SpokenText.State.READY)

    def waiting(self):
        return self.filter(state=SpokenText.State.WAITING)


class SpokenText(models.Model):
    class State(models.TextChoices):
        WAITING = "waiting", _("waiting")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    key = models.CharField(_("key"), max_length=32, unique=True)
    voice = models.CharField(_("voice"), max_length=100)
    language = models.CharField(_("language"), max_length=12)
    text = models.CharField(_("text"), max_length=300)
    state = models.CharField(_("state"), max_length=8, choices=State, default=State.WAITING)
    # Under MEDIA_ROOT/voice/, which has no URL of its own: served by the voice view.
    file = models.FileField(_("file"), upload_to="voice/", blank=True)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    spoken_at = models.DateTimeField(_("spoken at"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)

    objects = SpokenTextQuerySet.as_manager()

    class Meta:
        verbose_name = _("spoken text")
        verbose_name_plural = _("spoken texts")

    def __str__(self):
        return f"{self.voice}: {self.text}"

    @property
    def url(self):
        extension = os.path.splitext(self.file.name)[1]
        return reverse("spoken_text", args=[f"{self.key}{extension}"])
