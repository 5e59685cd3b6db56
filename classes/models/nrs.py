"""Frozen NRS tables: the figures of a program year as the program submitted
them to the state. The live tables (/records/nrs/) follow every later change to
the records; a snapshot never changes (saving an existing one or deleting one is
refused), so what was reported can always be shown."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _


class NrsSnapshot(models.Model):
    year_start = models.DateField(_("program year's first day"))
    taken_at = models.DateTimeField(_("frozen at"), auto_now_add=True)
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    # {"participants": n, "reportable": n, "tables": [{number, title, groups,
    # columns: [[key, label]], rows: [[key, label, [value as text]]]}]}
    figures = models.JSONField()

    class Meta:
        verbose_name = _("NRS snapshot")
        ordering = ["-taken_at", "-pk"]

    def __str__(self):
        return f"NRS {self.year_start:%Y} frozen {self.taken_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionDenied("A snapshot cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("A snapshot cannot be deleted.")
