"""Practice group pages: thin. Rules live in classes/access.py and services.py.
Teachers and managers are refused here (a 404, as for a room that is not
theirs): they see groups on their class page and messages only when reported."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from classes.access import (
    may_answer_invitation,
    may_create_practice_group,
    may_manage_practice,
    may_read_practice,
)
from classes.chat import services as chat_services
from classes.chat.views import messages_shown, post_from_form
from classes.models import Message, PracticeGroup
from classes.practice import pages, services
from classes.practice.forms import InviteForm, PracticeGroupForm
from classes.practice.rooms import practice_room
from learning.ids import parse_number


def readable_group(request, practice_id):
    group = get_object_or_404(PracticeGroup, pk=practice_id)
    if not may_read_practice(request.user, group):
        raise Http404
    return group


def refused(request, error, back="/"):
    """Bad input: a 400 page that says what went wrong."""
    context = {"errors": error.messages, "back": back}
    return render(request, "classes/practice/refused.html", context, status=400)


@login_required
def new_group(request):
    if not may_create_practice_group(request.user):
        raise PermissionDenied
    form = PracticeGroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            group = services.create_group(request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your practice group is ready: invite classmates."))
            return redirect(f"/practice/{group.pk}/")
    status = 400 if form.errors else 200
    return render(request, "classes/practice/new.html", {"form": form}, status=status)


@login_required
def group_page(request, practice_id):
    group = readable_group(request, practice_id)
    room = practice_room(group)
    if request.method == "POST":
        post_from_form(request, room)
        return redirect(request.path + "#latest")
    status, shown = messages_shown(request, room)
    managing = may_manage_practice(request.user, group)
    context = {
        **shown,
        "group": group,
        "practice": group,
        "people": pages.group_people(group),
        "managing": managing,
        "invite_form": InviteForm(classmates=pages.invitable(request.user, group))
        if managing and group.is_open
        else None,
        "ws_path": f"/ws/practice/{group.pk}/chat/",
    }
    return render(request, "classes/practice/room.html", context, status=status)


@login_required
@require_POST
def invite(request, practice_id):
    group = readable_group(request, practice_id)
    if not may_manage_practice(request.user, group):
        raise PermissionDenied
    try:
        count = services.invite(request.user, group, chosen_ids(request.POST))
    except ValidationError as error:
        return refused(request, error, back=f"/practice/{group.pk}/")
    messages.success(request, _("Invitations sent: %(n)s.") % {"n": count})
    return redirect(f"/practice/{group.pk}/")


def chosen_ids(data):
    """The ticked students' ids; ValidationError for anything that is not one
    (whether they are classmates is the service's to say)."""
    ids = [parse_number(value) for value in data.getlist("students")]
    if any(not number for number in ids):
        raise ValidationError(_("That is not a student of your classes."))
    return ids


@login_required
@require_POST
def remove_member(request, practice_id, student_id):
    group = readable_group(request, practice_id)
    try:
        services.remove_member(request.user, group, student_id)
    except ValidationError as error:
        return refused(request, error, back=f"/practice/{group.pk}/")
    messages.success(request, _("They are no longer in the group."))
    return redirect(f"/practice/{group.pk}/")


@login_required
@require_POST
def close_group(request, practice_id):
    group = readable_group(request, practice_id)
    services.close_group(request.user, group)
    messages.success(request, _("The group is closed. Its messages can still be read."))
    return redirect(f"/practice/{group.pk}/")


@login_required
@require_POST
def leave_group(request, practice_id):
    group = readable_group(request, practice_id)
    try:
        services.leave_group(request.user, group)
    except ValidationError as error:
        return refused(request, error, back=f"/practice/{group.pk}/")
    messages.success(request, _("You left %(name)s.") % {"name": group.name})
    return redirect("/")


def _answer(request, practice_id, accept):
    group = get_object_or_404(PracticeGroup, pk=practice_id)
    if not may_answer_invitation(request.user, group):
        raise Http404  # no invitation of theirs: nothing here for them
    try:
        services.answer_invitation(request.user, group, accept)
    except ValidationError as error:
        return refused(request, error)
    if accept:
        messages.success(request, _("You joined %(name)s.") % {"name": group.name})
        return redirect(f"/practice/{group.pk}/")
    messages.success(request, _("Invitation declined."))
    return redirect("/")


@login_required
@require_POST
def accept(request, practice_id):
    return _answer(request, practice_id, accept=True)


@login_required
@require_POST
def decline(request, practice_id):
    return _answer(request, practice_id, accept=False)


@login_required
@require_POST
def report_message(request, practice_id, message_id):
    group = readable_group(request, practice_id)
    message = get_object_or_404(Message, pk=message_id, room__practice_group=group)
    chat_services.report_message(request.user, message, request.POST.get("reason", ""))
    messages.success(request, _("Thank you. Your teachers will look at this message."))
    return redirect(f"/practice/{group.pk}/#latest")
