"""Reading devices and loans. `students` is what classes.access.loan_readers_students
gives: None for those who manage loans (everything), else the only students
whose loans the reader may see. Each function is a constant number of queries."""

from django.db.models import Prefetch
from django.utils import timezone

from classes.models import Device, DeviceNeed, Loan, LoanEvent


def visible_devices(students):
    """Every device for loan staff; for a teacher, the devices their students hold."""
    if students is None:
        return Device.objects.all()
    held = Loan.objects.open().filter(student__in=students).values("device_id")
    return Device.objects.filter(pk__in=held)


def filtered_devices(devices, *, kind=None, status=None, overdue=None, today=None):
    if kind:
        devices = devices.filter(kind=kind)
    if status:
        devices = devices.filter(status=status)
    if overdue is True:
        devices = devices.overdue(today)
    elif overdue is False:
        devices = devices.exclude(pk__in=Device.objects.overdue(today))
    return devices


def with_current_loan(devices):
    """The devices, each with `.current_loan` (None when not lent), in two queries."""
    open_loans = Loan.objects.open().select_related("student")
    devices = list(devices.prefetch_related(Prefetch("loans", open_loans, to_attr="_open")))
    for device in devices:
        device.current_loan = device._open[0] if device._open else None
    return devices


def device_loans(device, students):
    """The device's loans, newest first, limited to the reader's students."""
    loans = device.loans.select_related("student", "lent_by", "received_by")
    if students is not None:
        loans = loans.filter(student__in=students)
    return list(loans)


def device_history(device, students):
    """The device's history; a teacher sees only what concerns their students."""
    events = LoanEvent.objects.filter(device=device).select_related("actor", "student")
    if students is not None:
        events = events.filter(student__in=students)
    return list(events)


def overdue_loans(students, today=None):
    loans = Loan.objects.overdue(today).select_related("device", "student")
    if students is not None:
        loans = loans.filter(student__in=students)
    return list(loans.order_by("due_back", "pk"))


def loans_of_student(student, *, open_only=False):
    loans = Loan.objects.of_student(student).select_related("device")
    return list(loans.open() if open_only else loans)


def devices_held(student_ids):
    """{student id: [their open loans, with the device]} in one query."""
    held = {}
    loans = Loan.objects.open().filter(student_id__in=student_ids).select_related("device")
    for loan in loans.order_by("due_back"):
        held.setdefault(loan.student_id, []).append(loan)
    return held


def without_device(student_ids):
    """The ids of these students who said they have no device to study on."""
    needs = DeviceNeed.objects.filter(student_id__in=student_ids, has_no_device=True)
    return set(needs.values_list("student_id", flat=True))


def has_no_device(student):
    return DeviceNeed.objects.filter(student=student, has_no_device=True).exists()


def with_devices(enrollments, today=None):
    """Roster rows, each with `.loans` (the devices the student holds, each with
    `.overdue`) and `.no_device`: two queries for the whole class."""
    today = today or timezone.localdate()
    ids = [enrollment.student_id for enrollment in enrollments]
    held, needy = devices_held(ids), without_device(ids)
    for enrollment in enrollments:
        enrollment.loans = held.get(enrollment.student_id, [])
        for loan in enrollment.loans:
            loan.overdue = loan.is_overdue(today)
        enrollment.no_device = enrollment.student_id in needy
    return enrollments
