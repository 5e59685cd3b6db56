"""Rows that are written once and never changed: the access audit, the loan
history, NRS snapshots. Saving an existing row, deleting one, and the bulk
update() and delete() that would bypass those refusals all raise
PermissionDenied, naming the kind of row (`append_only_name`)."""

from django.core.exceptions import PermissionDenied
from django.db import models


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionDenied(f"{self.model.append_only_name} cannot be changed.")

    def delete(self):
        raise PermissionDenied(f"{self.model.append_only_name} cannot be deleted.")


class AppendOnlyModel(models.Model):
    append_only_name = "These rows"

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionDenied(f"{self.append_only_name} cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied(f"{self.append_only_name} cannot be deleted.")
