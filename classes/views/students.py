"""A teacher adds students (new accounts or existing ones), prints sign-in cards,
withdraws a student (and undoes it), gives a new password, and answers requests
to join. Who may do each: classes/access.py; the acts: classes/enrollment.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from classes.cards import printable_cards
from classes.contact import set_paper_packets
from classes.enrollment import (
    add_students_from_form,
    decide_join_request,
    enroll_again,
    issue_temporary_password,
    withdraw,
)
from classes.forms import AddStudentsForm
from classes.models import Enrollment, EnrollmentStatus, JoinRequest
from classes.views.access import taught_class
from learning.once import new_token


@login_required
def add_students(request, class_id):
    """New accounts' temporary passwords appear once, on this response's cards;
    only their hashes are stored, so the page is not a redirect. The form's
    one-time token stops a second send (double tap, reload) from making the
    accounts twice."""
    class_ = taught_class(request, class_id)
    form = AddStudentsForm(
        request.POST or None, initial={"token": new_token()}, may_move=request.user.is_manager
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created, first = add_students_from_form(
                class_, data, by=request.user, token=data["token"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if not first:
                messages.info(
                    request, _("This form was already sent: the students are in the class.")
                )
                return redirect(class_.get_absolute_url())
            if not created:
                messages.success(request, _("The student was added to the class."))
                return redirect(class_.get_absolute_url())
            return render(
                request,
                "classes/sign_in_cards.html",
                {"class": class_, "cards": printable_cards(request, created), "new_accounts": True},
            )
    status = 400 if form.errors else 200
    context = {"class": class_, "form": form}
    return render(request, "classes/add_students.html", context, status=status)


@login_required
def sign_in_cards(request, class_id):
    class_ = taught_class(request, class_id)
    enrollments = Enrollment.objects.active().for_class(class_).select_related("student")
    cards = printable_cards(request, [(e.student, "") for e in enrollments])
    return render(request, "classes/sign_in_cards.html", {"class": class_, "cards": cards})


def class_enrollment(class_, enrollment_id, status=EnrollmentStatus.ACTIVE):
    enrollments = Enrollment.objects.for_class(class_).filter(status=status)
    return get_object_or_404(enrollments.select_related("student", "cohort"), pk=enrollment_id)


def confirm_page(request, class_, enrollment, action):
    context = {"class": class_, "enrollment": enrollment, "action": action}
    return render(request, "classes/confirm_student_action.html", context)


@login_required
def withdraw_student(request, class_id, enrollment_id):
    """GET asks to confirm; POST withdraws, with an undo on the class page."""
    class_ = taught_class(request, class_id)
    enrollment = class_enrollment(class_, enrollment_id)
    if request.method != "POST":
        return confirm_page(request, class_, enrollment, "withdraw")
    withdraw(enrollment)
    messages.success(
        request,
        _("%(name)s was withdrawn. Their attendance stays in the records.")
        % {"name": enrollment.student.name},
    )
    request.session["undo_withdrawal"] = enrollment.pk
    return redirect(class_.get_absolute_url())


@login_required
@require_POST
def enroll_student_again(request, class_id, enrollment_id):
    """Undo a withdrawal (from the class page's list of withdrawn students)."""
    class_ = taught_class(request, class_id)
    enrollment = class_enrollment(class_, enrollment_id, EnrollmentStatus.WITHDRAWN)
    try:
        enroll_again(enrollment, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request, _("%(name)s is back in the class.") % {"name": enrollment.student.name}
        )
    request.session.pop("undo_withdrawal", None)
    return redirect(class_.get_absolute_url())


@login_required
def new_password(request, class_id, enrollment_id):
    """GET asks to confirm; POST shows the new password once, on a sign-in card."""
    class_ = taught_class(request, class_id)
    enrollment = class_enrollment(class_, enrollment_id)
    if request.method != "POST":
        return confirm_page(request, class_, enrollment, "password")
    try:
        password = issue_temporary_password(enrollment.student, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(class_.get_absolute_url())
    cards = printable_cards(request, [(enrollment.student, password)])
    context = {"class": class_, "cards": cards, "new_accounts": True}
    return render(request, "classes/sign_in_cards.html", context)


@login_required
@require_POST
def answer_join_request(request, class_id, request_id):
    class_ = taught_class(request, class_id)
    join_request = get_object_or_404(
        JoinRequest.objects.waiting().filter(cohort=class_).select_related("student"),
        pk=request_id,
    )
    approve = request.POST.get("answer") == "approve"
    decide_join_request(join_request, approve=approve, by=request.user)
    if approve:
        message = _("%(name)s is now in the class.")
    else:
        message = _("%(name)s's request was declined.")
    messages.success(request, message % {"name": join_request.student.name})
    return redirect(class_.get_absolute_url())


@login_required
@require_POST
def set_channel(request, class_id, enrollment_id):
    """Paper packets on or off for an active student, from the class page's roster."""
    class_ = taught_class(request, class_id)
    enrollment = class_enrollment(class_, enrollment_id)
    paper = request.POST.get("paper")
    if paper not in ("yes", "no"):
        return HttpResponseBadRequest(
            _("Choose paper packets yes or no."), content_type="text/plain; charset=utf-8"
        )
    set_paper_packets(enrollment, paper == "yes")
    if paper == "yes":
        message = _("%(name)s gets paper packets.")
    else:
        message = _("%(name)s no longer gets paper packets.")
    messages.success(request, message % {"name": enrollment.student.name})
    return redirect(class_.get_absolute_url())
