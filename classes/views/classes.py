"""My classes, a class page, joining with a code, and the class's records."""

import secrets

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from classes.access import can_teach
from classes.enrollment import join_with_code, regenerate_join_code
from classes.forms import JoinForm, NewClassForm, SendPacketForm
from classes.loans.selectors import with_devices
from classes.mailing import packets_for_level
from classes.models import Class, JoinRequest
from classes.practice.pages import groups_for_teachers
from classes.records.exports.views import class_attendance_csv
from classes.schedule import create_class
from classes.selectors import (
    class_sessions,
    classes_with_teachers,
    flashcard_progress,
    recent_mailings,
    roster,
    schedule_days,
    teachers_of,
    waiting_join_requests,
)
from classes.sharing import class_page_shares
from classes.views.access import taught_class, visible_class
from packets.privacy import viewable


@login_required
def class_list(request):
    classes = classes_with_teachers(Class.objects.for_user(request.user))
    return render(request, "classes/class_list.html", {"classes": classes})


@login_required
def new_class(request):
    """Managers create classes for any teacher; a teacher's own class includes them."""
    if not (request.user.is_teacher or request.user.is_manager):
        raise PermissionDenied
    initial = {"teachers": [request.user]} if request.user.is_teacher else {}
    form = NewClassForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        teachers = set(form.cleaned_data.pop("teachers"))
        if not request.user.is_manager:
            teachers.add(request.user)
        class_ = create_class(teachers=teachers, **form.cleaned_data)
        messages.success(request, _("The class and its sessions were created."))
        return redirect(class_.get_absolute_url())
    status = 400 if form.errors else 200
    return render(request, "classes/new_class.html", {"form": form}, status=status)


@login_required
def class_detail(request, class_id):
    class_ = visible_class(request, class_id)
    teaching = can_teach(request.user, class_)
    packets = list(packets_for_level(class_.level))
    context = {
        "class": class_,
        "teaching": teaching,
        "days": schedule_days(class_),
        "teachers": teachers_of(class_),
        "sessions": class_sessions(class_),
        "packets": viewable(request, packets),
    }
    if teaching:
        context["roster"] = with_devices(roster(class_, request.user))
        context["join_requests"] = waiting_join_requests(class_)
        context["undo_withdrawal"] = request.session.pop("undo_withdrawal", None)
        context.update(flashcard_progress(class_, context["roster"], packets))
        context["mailings"] = recent_mailings(class_)
        context["practice_groups"] = groups_for_teachers(request.user, class_)
        context["shares"] = class_page_shares(request, class_)
        context["send_form"] = SendPacketForm(
            packets=packets, initial={"token": secrets.token_urlsafe(24)}
        )
    return render(request, "classes/class_detail.html", context)


@login_required
def join(request):
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not ratelimit.consume(request, action="join_class", user=request.user):
            form.add_error(None, _("Too many tries. Wait ten minutes and try again."))
            return render(request, "classes/join.html", {"form": form}, status=429)
        try:
            joined = join_with_code(request.user, form.cleaned_data["code"])
        except ValidationError as error:
            form.add_error("code", error)
        else:
            return after_joining(request, joined)
    context = {"form": form, "waiting": waiting_requests_of(request.user)}
    return render(request, "classes/join.html", context, status=400 if form.errors else 200)


def after_joining(request, joined):
    if isinstance(joined, JoinRequest):
        messages.info(
            request,
            _("Your teacher in %(class)s will let you in soon. You will see it on your home page.")
            % {"class": joined.cohort.name},
        )
        return redirect("/")
    messages.success(request, _("Welcome to %(class)s!") % {"class": joined.cohort.name})
    return redirect(joined.cohort.get_absolute_url())


def waiting_requests_of(user):
    return list(JoinRequest.objects.waiting().filter(student=user).select_related("cohort"))


@login_required
@require_POST
def new_join_code(request, class_id):
    class_ = taught_class(request, class_id)
    code = regenerate_join_code(class_)
    messages.success(request, _("The new class code is %(code)s.") % {"code": code})
    return redirect(class_.get_absolute_url())


@login_required
def export_attendance(request, class_id):
    return class_attendance_csv(request, taught_class(request, class_id))
