"""Lending devices: one function per act, each in one transaction, each writing
its line in the loan history (LoanEvent). Views and forms call these; the rules
live here. Refusals are ValidationErrors with a message for the form."""

from datetime import date

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from classes.models import (
    Condition,
    Device,
    DeviceNeed,
    DeviceStatus,
    Loan,
    LoanEvent,
    LoanEventKind,
)
from learning.roles import LOAN_STAFF_GROUP

# What a device's condition on return makes of it.
STATUS_AFTER_RETURN = {
    Condition.GOOD: DeviceStatus.AVAILABLE,
    Condition.FAIR: DeviceStatus.AVAILABLE,
    Condition.DAMAGED: DeviceStatus.IN_REPAIR,
    Condition.BROKEN: DeviceStatus.IN_REPAIR,
    Condition.LOST: DeviceStatus.RETIRED,
}
# A loan's notes are staff's words about a student: the history (append-only,
# kept after a student's erasure) says that notes were written, never the words,
# which live on the loan alone and are erased with the student (data_rights).
NOTES_WRITTEN = [None, True]
DEVICE_FIELDS = ("kind", "asset_tag", "model_name", "condition", "status", "site", "notes")


def as_json(value):
    return value.isoformat() if isinstance(value, date) else value


def record(kind, *, by, device=None, loan=None, student=None, staff=None, changes=None):
    return LoanEvent.objects.create(
        kind=kind,
        actor=by,
        device=device,
        loan=loan,
        student=student,
        staff=staff,
        changes=changes or {},
    )


@transaction.atomic
def add_device(*, by, **fields):
    if fields.get("status") == DeviceStatus.ON_LOAN:
        raise ValidationError({"status": _("A new device is not on loan yet: lend it.")})
    device = Device.objects.create(**fields)
    changes = {name: [None, as_json(getattr(device, name))] for name in DEVICE_FIELDS}
    record(LoanEventKind.ADDED, by=by, device=device, changes=changes)
    return device


@transaction.atomic
def change_device(device, *, by, **fields):
    """Change what is known of a device. Its status follows its loans: it reads
    "on loan" exactly while a loan is open."""
    device = Device.objects.select_for_update().get(pk=device.pk)
    on_loan = device.loans.open().exists()
    status = fields.get("status", device.status)
    if on_loan and status != DeviceStatus.ON_LOAN:
        raise ValidationError({"status": _("The device is on loan: record its return first.")})
    if not on_loan and status == DeviceStatus.ON_LOAN:
        raise ValidationError({"status": _("A device is on loan only when it is lent.")})
    changes = {}
    for name, value in fields.items():
        if getattr(device, name) != value:
            changes[name] = [as_json(getattr(device, name)), as_json(value)]
            setattr(device, name, value)
    if changes:
        device.save()
        record(LoanEventKind.CHANGED, by=by, device=device, changes=changes)
    return device


def refusal_to_lend(device, student):
    """None when the (locked) device may go to the student, else why not."""
    if not student.is_student:
        return _("Devices are lent to students only.")
    if device.loans.open().exists():
        return _("%(tag)s is already on loan: record its return before lending it again.") % {
            "tag": device.asset_tag
        }
    if device.status != DeviceStatus.AVAILABLE:
        return _("%(tag)s is %(status)s, not available.") % {
            "tag": device.asset_tag,
            "status": device.get_status_display().lower(),
        }
    return None


@transaction.atomic
def lend_device(
    device,
    student,
    *,
    by,
    lent_on,
    due_back,
    agreement_signed=False,
    agreement_signed_on=None,
    notes="",
):
    """Open a loan. The device row is locked first, so two people lending it at
    once are served one after the other and the second is told it is out; the
    database's one-open-loan constraint holds even where locks are not taken."""
    device = Device.objects.select_for_update().get(pk=device.pk)
    reason = refusal_to_lend(device, student)
    if reason:
        raise ValidationError(reason)
    if due_back < lent_on:
        raise ValidationError({"due_back": _("The due date is before the day it is lent.")})
    if not agreement_signed:
        agreement_signed_on = None
    try:
        with transaction.atomic():
            loan = Loan.objects.create(
                device=device,
                student=student,
                lent_on=lent_on,
                due_back=due_back,
                agreement_signed=agreement_signed,
                agreement_signed_on=agreement_signed_on,
                notes=notes,
                lent_by=by,
            )
    except IntegrityError as error:
        raise ValidationError(
            _("%(tag)s is already on loan.") % {"tag": device.asset_tag}
        ) from error
    device.status = DeviceStatus.ON_LOAN
    device.save(update_fields=["status"])
    changes = {
        "lent_on": [None, lent_on.isoformat()],
        "due_back": [None, due_back.isoformat()],
        "agreement_signed": [None, agreement_signed],
    }
    if agreement_signed_on:
        changes["agreement_signed_on"] = [None, agreement_signed_on.isoformat()]
    if notes:
        changes["notes"] = NOTES_WRITTEN
    record(LoanEventKind.LENT, by=by, device=device, loan=loan, student=student, changes=changes)
    return loan


@transaction.atomic
def return_device(device, *, by, returned_on, condition, notes=""):
    """Close the device's open loan; the condition it came back in decides
    whether it can go out again, goes for repair or is written off (lost)."""
    device = Device.objects.select_for_update().get(pk=device.pk)
    loan = device.loans.open().select_for_update().first()
    if loan is None:
        raise ValidationError(_("%(tag)s is not on loan.") % {"tag": device.asset_tag})
    if returned_on < loan.lent_on:
        raise ValidationError({"returned_on": _("The return date is before the day it was lent.")})
    loan.returned_on, loan.condition_on_return, loan.received_by = returned_on, condition, by
    if notes:
        loan.notes = f"{loan.notes}\n{notes}".strip()
    loan.save()
    before = [device.status, device.condition]
    device.status, device.condition = STATUS_AFTER_RETURN[condition], condition
    device.save(update_fields=["status", "condition"])
    changes = {
        "returned_on": [None, returned_on.isoformat()],
        "status": [before[0], device.status],
        "condition": [before[1], condition],
    }
    if notes:
        changes["notes"] = NOTES_WRITTEN
    student = loan.student
    record(
        LoanEventKind.RETURNED, by=by, device=device, loan=loan, student=student, changes=changes
    )
    return loan


@transaction.atomic
def set_device_need(student, has_no_device, *, by):
    """Record the student's answer; the history keeps each change."""
    need, _created = DeviceNeed.objects.select_for_update().get_or_create(student=student)
    if need.has_no_device == has_no_device and not _created:
        return need
    need.has_no_device, need.updated_by = has_no_device, by
    need.save()
    kind = LoanEventKind.NO_DEVICE if has_no_device else LoanEventKind.HAS_DEVICE
    record(kind, by=by, student=student)
    return need


@transaction.atomic
def set_loan_staff(member, granted, *, by):
    """Put a teacher in the Loan staff group (or take them out of it)."""
    if granted and not member.is_teacher:
        raise ValidationError(_("Only teachers are given the loans permission here."))
    group = Group.objects.get(name=LOAN_STAFF_GROUP)
    if group.user_set.filter(pk=member.pk).exists() == granted:
        return
    if granted:
        group.user_set.add(member)
    else:
        group.user_set.remove(member)
    kind = LoanEventKind.STAFF_ADDED if granted else LoanEventKind.STAFF_REMOVED
    record(kind, by=by, staff=member)
