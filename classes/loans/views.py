"""The loans pages under /loans/: thin views over forms, selectors and services.
Who may do what is asked of classes/access.py."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from classes.access import (
    can_grant_loans,
    can_manage_loans,
    loan_readers_students,
    may_mark_no_device,
)
from classes.loans import selectors, services
from classes.loans.forms import (
    DeviceFilterForm,
    DeviceForm,
    DeviceNeedForm,
    LendForm,
    LoanStaffForm,
    ReturnForm,
    teachers,
)
from classes.models import Device, DeviceStatus
from learning.redirects import safe_next
from learning.roles import LOAN_STAFF_GROUP


def require_loan_staff(user):
    if not can_manage_loans(user):
        raise PermissionDenied


def answer_with_form(form, error):
    """A service's refusal shown on the form: on its field when it names one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
@require_GET
def device_list(request):
    students = loan_readers_students(request.user)
    form = DeviceFilterForm(request.GET)
    devices = selectors.visible_devices(students)
    if form.is_valid():
        devices = selectors.filtered_devices(devices, **form.filters())
    else:
        devices = devices.none()
    context = {
        "form": form,
        "devices": selectors.with_current_loan(devices),
        "managing": can_manage_loans(request.user),
    }
    return render(request, "loans/device_list.html", context, status=400 if form.errors else 200)


@login_required
@require_GET
def overdue(request):
    students = loan_readers_students(request.user)
    context = {"loans": selectors.overdue_loans(students)}
    return render(request, "loans/overdue.html", context)


@login_required
@require_GET
def device_detail(request, device_id):
    students = loan_readers_students(request.user)
    device = get_object_or_404(selectors.visible_devices(students), pk=device_id)
    managing = can_manage_loans(request.user)
    current = selectors.with_current_loan(Device.objects.filter(pk=device.pk))[0]
    context = {
        "device": current,
        "loans": selectors.device_loans(device, students),
        "history": selectors.device_history(device, students),
        "managing": managing,
    }
    if managing and current.current_loan:
        context["return_form"] = ReturnForm()
    elif managing and device.status == DeviceStatus.AVAILABLE:
        context["lend_form"] = LendForm()
    return render(request, "loans/device.html", context)


def form_page(request, form, template, context, take):
    """A form's page. A posted, valid form goes to `take` (a service call that
    answers where to go next); a service's refusal is shown on the form, and
    the page with what was wrong answers 400."""
    if request.method == "POST" and form.is_valid():
        try:
            return take(dict(form.cleaned_data))
        except ValidationError as error:
            answer_with_form(form, error)
    context = {"form": form, **context}
    return render(request, template, context, status=400 if form.errors else 200)


@login_required
def new_device(request):
    require_loan_staff(request.user)

    def add(data):
        device = services.add_device(by=request.user, **data)
        return redirect("loans:device", device_id=device.pk)

    return form_page(request, DeviceForm(request.POST or None), "loans/device_form.html", {}, add)


@login_required
def edit_device(request, device_id):
    require_loan_staff(request.user)
    device = get_object_or_404(Device, pk=device_id)

    def change(data):
        services.change_device(device, by=request.user, **data)
        return redirect("loans:device", device_id=device.pk)

    form = DeviceForm(request.POST or None, instance=device)
    return form_page(request, form, "loans/device_form.html", {"device": device}, change)


@login_required
def lend(request, device_id):
    require_loan_staff(request.user)
    device = get_object_or_404(Device, pk=device_id)

    def lend_it(data):
        services.lend_device(device, data.pop("student"), by=request.user, **data)
        messages.success(request, _("Lent. It is due back on the date you chose."))
        return redirect("loans:device", device_id=device.pk)

    form = LendForm(request.POST or None)
    return form_page(request, form, "loans/lend.html", {"device": device}, lend_it)


@login_required
def take_back(request, device_id):
    require_loan_staff(request.user)
    device = get_object_or_404(Device, pk=device_id)

    def take_it_back(data):
        services.return_device(device, by=request.user, **data)
        messages.success(request, _("Returned. The loan is closed."))
        return redirect("loans:device", device_id=device.pk)

    form = ReturnForm(request.POST or None)
    return form_page(request, form, "loans/return.html", {"device": device}, take_it_back)


@login_required
@require_POST
def my_device_need(request):
    """A student's own answer, from their home page."""
    if not request.user.is_student:
        raise PermissionDenied
    return save_need(request, request.user, default="/")


@login_required
@require_POST
def student_device_need(request, student_id):
    """A teacher's or loan staff's answer for a student, from the roster."""
    student = get_object_or_404(get_user_model(), pk=student_id)
    if not may_mark_no_device(request.user, student):
        raise PermissionDenied
    return save_need(request, student, default="/")


def save_need(request, student, default):
    form = DeviceNeedForm(request.POST)
    if not form.is_valid():
        return render(request, "loans/need_refused.html", {"form": form}, status=400)
    services.set_device_need(student, form.cleaned_data["has_no_device"], by=request.user)
    messages.success(request, _("Saved."))
    return redirect(safe_next(request, default))


@login_required
def loan_staff(request):
    """Managers give teachers the loans permission (the Loan staff group)."""
    if not can_grant_loans(request.user):
        raise PermissionDenied
    form = LoanStaffForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_loan_staff(**form.cleaned_data, by=request.user)
        except ValidationError as error:
            answer_with_form(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("loans:staff")
    people = teachers().annotate(desk=Count("groups", filter=Q(groups__name=LOAN_STAFF_GROUP)))
    context = {"form": form, "people": people}
    return render(request, "loans/staff.html", context, status=400 if form.errors else 200)
