"""Devices the program lends to students who have none, their loans, the
history of every change, and the students who said they have no device.

The rules (who may lend, one open loan per device) are in classes/loans/; the
database holds the last line: a device has at most one loan not yet returned.
"""

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from classes.models.append_only import AppendOnlyModel
from learning.validators import one_line


class DeviceKind(models.TextChoices):
    LAPTOP = "laptop", _("Laptop")
    TABLET = "tablet", _("Tablet")
    PHONE = "phone", _("Phone")
    HOTSPOT = "hotspot", _("Hotspot")
    OTHER = "other", _("Other")


class DeviceStatus(models.TextChoices):
    AVAILABLE = "available", _("Available")
    ON_LOAN = "on_loan", _("On loan")
    IN_REPAIR = "in_repair", _("In repair")
    RETIRED = "retired", _("Retired")


class Condition(models.TextChoices):
    GOOD = "good", _("Good")
    FAIR = "fair", _("Fair: worn, works")
    DAMAGED = "damaged", _("Damaged")
    BROKEN = "broken", _("Broken")
    LOST = "lost", _("Lost")


class DeviceQuerySet(models.QuerySet):
    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.filter(pk__in=Loan.objects.overdue(today).values("device_id"))


class Device(models.Model):
    kind = models.CharField(_("kind"), max_length=10, choices=DeviceKind.choices)
    asset_tag = models.CharField(
        _("asset tag"),
        max_length=40,
        unique=True,
        validators=[one_line],
        help_text=_("The label stuck on the device."),
    )
    model_name = models.CharField(_("model"), max_length=100, blank=True, validators=[one_line])
    condition = models.CharField(
        _("condition"), max_length=10, choices=Condition.choices, default=Condition.GOOD
    )
    status = models.CharField(
        _("status"), max_length=10, choices=DeviceStatus.choices, default=DeviceStatus.AVAILABLE
    )
    site = models.CharField(
        _("site"),
        max_length=80,
        blank=True,
        validators=[one_line],
        help_text=_("Where the program keeps it."),
    )
    notes = models.TextField(_("notes"), blank=True)
    added_at = models.DateTimeField(auto_now_add=True)

    objects = DeviceQuerySet.as_manager()

    class Meta:
        verbose_name = _("device")
        ordering = ["asset_tag"]
        # A manager grants this (through a group, learning/roles.py) to a staff
        # member who runs the lending desk.
        permissions = [("manage_loans", "Can add devices, lend them and take them back")]

    def __str__(self):
        return self.asset_tag


class LoanQuerySet(models.QuerySet):
    def open(self):
        return self.filter(returned_on__isnull=True)

    def overdue(self, today=None):
        return self.open().filter(due_back__lt=today or timezone.localdate())

    def of_student(self, user):
        return self.filter(student=user)


class Loan(models.Model):
    """One device in one student's hands, from the day it was lent until the day
    it came back (returned_on empty: still out)."""

    device = models.ForeignKey(
        Device, on_delete=models.PROTECT, related_name="loans", verbose_name=_("device")
    )
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="device_loans",
        verbose_name=_("student"),
    )
    lent_on = models.DateField(_("lent on"))
    due_back = models.DateField(_("due back"))
    returned_on = models.DateField(_("returned on"), null=True, blank=True)
    condition_on_return = models.CharField(
        _("condition on return"), max_length=10, choices=Condition.choices, blank=True
    )
    lent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    agreement_signed = models.BooleanField(_("loan agreement signed"), default=False)
    agreement_signed_on = models.DateField(_("agreement signed on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    objects = LoanQuerySet.as_manager()

    class Meta:
        verbose_name = _("loan")
        ordering = ["-lent_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["device"],
                condition=Q(returned_on__isnull=True),
                name="one_open_loan_per_device",
            ),
            models.CheckConstraint(
                condition=Q(due_back__gte=F("lent_on")), name="loan_due_after_lent"
            ),
            models.CheckConstraint(
                condition=Q(returned_on__isnull=True) | Q(returned_on__gte=F("lent_on")),
                name="loan_returned_after_lent",
            ),
            models.CheckConstraint(
                condition=Q(agreement_signed=True) | Q(agreement_signed_on__isnull=True),
                name="loan_agreement_date_only_if_signed",
            ),
        ]

    def __str__(self):
        return f"{self.device} → {self.student} ({self.lent_on})"

    @property
    def is_open(self):
        return self.returned_on is None

    def is_overdue(self, today=None):
        return self.is_open and self.due_back < (today or timezone.localdate())


class LoanEventKind(models.TextChoices):
    ADDED = "added", _("Device added")
    CHANGED = "changed", _("Device changed")
    LENT = "lent", _("Lent")
    RETURNED = "returned", _("Returned")
    NO_DEVICE = "no_device", _("Said to have no device")
    HAS_DEVICE = "has_device", _("Said to have a device")
    STAFF_ADDED = "staff_added", _("Given the loans permission")
    STAFF_REMOVED = "staff_removed", _("Loans permission taken away")


class LoanEvent(AppendOnlyModel):
    """Who did what to a device, a loan or a student's "no device" answer, and
    when: written by classes/loans/services.py, never changed (like the access
    audit). `changes` holds the fields that changed, {field: [before, after]}."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(max_length=16, choices=LoanEventKind.choices)
    device = models.ForeignKey(
        Device, on_delete=models.PROTECT, null=True, blank=True, related_name="events"
    )
    loan = models.ForeignKey(
        Loan, on_delete=models.PROTECT, null=True, blank=True, related_name="events"
    )
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # For STAFF_ADDED / STAFF_REMOVED: the staff member concerned.
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    changes = models.JSONField(default=dict, blank=True)

    append_only_name = "Loan history"

    class Meta:
        verbose_name = _("loan history entry")
        verbose_name_plural = _("loan history")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.kind}"

    @property
    def readable_changes(self):
        """[(field's name, before, after)] in the reader's words: "Status:
        Available → On loan", not the stored codes."""
        changes = self.changes.items()
        return [(*words_of(name), *values_of(name, change)) for name, change in changes]


def field_named(name):
    for model in (Device, Loan, DeviceNeed):
        try:
            return model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
    return None


def words_of(name):
    field = field_named(name)
    return (field.verbose_name if field is not None else name,)


def values_of(name, change):
    field = field_named(name)
    choices = dict(field.flatchoices) if field is not None and field.choices else {}
    return tuple(in_words(choices.get(value, value)) for value in change)


def in_words(value):
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    return value


class DeviceNeed(models.Model):
    """A student's answer to "do you have a device to study on?", set by the
    student on their home page or by their teacher on the roster.

    Its own table rather than a field on learning.User: the account model is
    the base every app builds on and knows nothing of lending; this keeps the
    answer, who gave it and when beside the loans, and erasing a student
    deletes the row."""

    student = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="device_need"
    )
    has_no_device = models.BooleanField(_("has no device"), default=False)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("device need")

    def __str__(self):
        return f"{self.student}: {'no device' if self.has_no_device else 'has a device'}"
