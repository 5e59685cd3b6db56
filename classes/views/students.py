"""A teacher adds students (new accounts or existing ones), prints sign-in cards,
and withdraws a student."""

import secrets

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from classes.enrollment import (
    create_student_accounts,
    enroll,
    issue_temporary_password,
    withdraw,
)
from classes.forms import AddStudentsForm
from classes.models import Enrollment
from classes.views.access import taught_class


def enroll_existing(class_, username, teacher):
    student = get_user_model().objects.filter(username__iexact=username.strip()).first()
    if student is None:
        raise ValidationError(_("No account has the username %(name)s.") % {"name": username})
    return enroll(student, class_, added_by=teacher)


@transaction.atomic
def add_from_form(class_, data, teacher):
    """Both parts of the form, or neither: one bad line leaves nothing half-done."""
    if data.get("username", "").strip():
        enroll_existing(class_, data["username"], teacher)
    return create_student_accounts(class_, data.get("name_list", []), added_by=teacher)


@login_required
def add_students(request, class_id):
    """New accounts' temporary passwords appear once, on this response's cards;
    only their hashes are stored, so the page is not a redirect. The form's
    one-time token stops a second send (double tap, reload) from making the
    accounts twice."""
    class_ = taught_class(request, class_id)
    form = AddStudentsForm(request.POST or None, initial={"token": secrets.token_urlsafe(24)})
    if request.method == "POST" and form.is_valid():
        sent_once = f"classes:add-students:{form.cleaned_data['token']}"
        if not cache.add(sent_once, True, timeout=24 * 3600):
            messages.info(request, _("This form was already sent: the students are in the class."))
            return redirect(class_.get_absolute_url())
        try:
            created = add_from_form(class_, form.cleaned_data, request.user)
        except ValidationError as error:
            cache.delete(sent_once)  # nothing was saved: the corrected form may be sent
            form.add_error(None, error)
        else:
            if not created:
                messages.success(request, _("The student was added to the class."))
                return redirect(class_.get_absolute_url())
            cards = [{"student": user, "password": password} for user, password in created]
            return render(
                request,
                "classes/sign_in_cards.html",
                {"class": class_, "cards": cards, "new_accounts": True},
            )
    return render(request, "classes/add_students.html", {"class": class_, "form": form})


@login_required
def sign_in_cards(request, class_id):
    class_ = taught_class(request, class_id)
    enrollments = Enrollment.objects.active().for_class(class_).select_related("student")
    cards = [{"student": e.student, "password": ""} for e in enrollments]
    return render(request, "classes/sign_in_cards.html", {"class": class_, "cards": cards})


@login_required
@require_POST
def withdraw_student(request, class_id, enrollment_id):
    class_ = taught_class(request, class_id)
    enrollment = get_object_or_404(
        Enrollment.objects.active().for_class(class_).select_related("student"), pk=enrollment_id
    )
    withdraw(enrollment)
    messages.success(
        request,
        _("%(name)s was withdrawn. Their attendance stays in the records.")
        % {"name": enrollment.student.name},
    )
    return redirect(class_.get_absolute_url())


@login_required
@require_POST
def new_password(request, class_id, enrollment_id):
    """The new password appears once, on the student's sign-in card."""
    class_ = taught_class(request, class_id)
    enrollment = get_object_or_404(
        Enrollment.objects.active().for_class(class_).select_related("student"), pk=enrollment_id
    )
    try:
        password = issue_temporary_password(enrollment.student)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(class_.get_absolute_url())
    cards = [{"student": enrollment.student, "password": password}]
    context = {"class": class_, "cards": cards, "new_accounts": True}
    return render(request, "classes/sign_in_cards.html", context)
