"""Frozen NRS tables: the figures of a program year as the program submitted
them to the state. The live tables (/records/nrs/) follow every later change to
the records; a snapshot never changes (saving an existing one or deleting one is
refused), so what was reported can always be shown."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from classes.models.append_only import AppendOnlyModel


class NrsSnapshot(AppendOnlyModel):
    year_start = models.DateField(_("program year's first day"))
    taken_at = models.DateTimeField(_("frozen at"), auto_now_add=True)
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    # {"participants": n, "reportable": n, "tables": [{number, title, groups,
    # columns: [[key, label]], rows: [[key, label, [value as text]]]}]}
    figures = models.JSONField()

    append_only_name = "Snapshots"

    class Meta:
        verbose_name = _("NRS snapshot")
        ordering = ["-taken_at", "-pk"]

    def __str__(self):
        return f"NRS {self.year_start:%Y} frozen {self.taken_at:%Y-%m-%d %H:%M}"
