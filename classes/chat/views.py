"""HTTP pages of class chat: the room (works without JavaScript) and the
teachers' moderation actions. Thin: rules live in rooms.py and services.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from classes.access import can_teach, may_remove_message
from classes.chat import history, services
from classes.chat.forms import BreakoutForm, MessageForm, MuteForm, TextForm
from classes.chat.protocol import ProtocolError, parse_send, refusal
from classes.chat.rooms import GONE, find_room, may_read
from classes.models import Message
from classes.views.access import taught_class
from learning.ids import parse_number
from learning.once import new_token
from learning.redirects import safe_next

# What the script says on screen, in the page's language (lazy: translated at render).
CHAT_STRINGS = {
    "offline": gettext_lazy("Offline: your messages will be sent when you are back online."),
    "connecting": gettext_lazy("Connecting…"),
    "removed": gettext_lazy("Message removed"),
    "queued": gettext_lazy("Waiting to send"),
    "gone": gettext_lazy("You are no longer in this class chat."),
    "failed": gettext_lazy("That did not load. Try again."),
    "open": gettext_lazy("Open"),
}


def readable_room(request, class_id, group_id=None):
    room = find_room(class_id, group_id)
    if room is None or not may_read(request.user, room):
        raise Http404
    return room


@login_required
def room_page(request, class_id, group_id=None):
    room = readable_room(request, class_id, group_id)
    if request.method == "POST":
        post_from_form(request, room)
        return redirect(request.path + "#latest")
    status, shown = messages_shown(request, room)
    teaching = can_teach(request.user, room.cohort)
    context = {
        **shown,
        "cohort": room.cohort,
        "pinned": history.pinned_phrase(room),
        "groups": history.rooms_of(request.user, room.cohort),
        "teaching": teaching,
        # Without ids: the form is drawn once per message (each select sits in its label).
        "mute_form": MuteForm(auto_id=False) if teaching else None,
        "ws_path": (
            f"/ws/classes/{room.cohort_id}/groups/{room.group_id}/chat/"
            if room.group_id
            else f"/ws/classes/{room.cohort_id}/chat/"
        ),
    }
    return render(request, "classes/chat/room.html", context, status=status)


def messages_shown(request, room):
    """(status, context) of a room's page of messages, as `?before=`/`?after=`
    ask (a broken link: the latest, with 400), and the form to write one.
    Class rooms and practice groups' rooms alike."""
    status = 200
    try:
        position = history.position_from(request.GET)
    except ProtocolError:
        messages.error(request, _("That link is broken: showing the latest messages."))
        position, status = history.Position(), 400
    page = history.page_messages(room, position)
    shown = page.messages
    return status, {
        "room": room,
        "chat_messages": shown,
        "older_than": page.older_than,
        "newest_id": shown[-1].number if shown else (position.after or room.last_message_id),
        "showing_newer": position.after is not None,
        "showing_older": position.before is not None,
        "form": MessageForm(initial={"client_id": new_token()}),
        "chat_strings": CHAT_STRINGS,
    }


def post_from_form(request, room):
    form = MessageForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write a message of at most 1,000 characters."))
        return
    try:
        send = parse_send(form.cleaned_data)
    except ProtocolError as error:
        messages.error(request, error.detail)
        return
    reason, _message, _created = services.send_message(
        request.user, room, send.text, send.client_id
    )
    if reason == GONE:
        raise PermissionDenied
    if reason:
        messages.error(request, refusal(reason).detail)


def message_of_class(class_id, message_id):
    return get_object_or_404(
        Message.objects.select_related("room__cohort"), pk=message_id, room__cohort_id=class_id
    )


@login_required
@require_POST
def delete_message(request, class_id, message_id):
    cohort = taught_class(request, class_id)
    message = get_object_or_404(Message.objects.select_related("room"), pk=message_id)
    if not may_remove_message(request.user, message, cohort):
        raise Http404  # not this class's, nor reported to it from a practice group
    services.delete_message(request.user, message, cohort)
    messages.success(request, _("The message was removed for everyone."))
    return redirect(safe_next(request, f"/classes/{cohort.pk}/chat/"))


@login_required
@require_POST
def report_message(request, class_id, message_id):
    message = message_of_class(class_id, message_id)
    if not may_read(request.user, message.room):
        raise Http404
    services.report_message(request.user, message, request.POST.get("reason", ""))
    messages.success(request, _("Thank you. Your teacher will look at this message."))
    return redirect(safe_next(request, f"/classes/{class_id}/chat/"))


@login_required
@require_POST
def mute(request, class_id):
    cohort = taught_class(request, class_id)
    form = MuteForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors)
        data = form.cleaned_data
        mute = services.mute_student(request.user, cohort, data["student"], data["minutes"])
    except ValidationError:
        messages.error(request, _("Choose a student of this class and a length."))
    else:
        messages.success(request, _("%(name)s is paused.") % {"name": mute.student.name})
    return redirect(safe_next(request, f"/classes/{cohort.pk}/chat/"))


@login_required
def reports(request, class_id):
    cohort = taught_class(request, class_id)
    return render(
        request,
        "classes/chat/reports.html",
        {"cohort": cohort, "reports": history.open_reports(cohort)},
    )


@login_required
def breakouts(request, class_id):
    cohort = taught_class(request, class_id)
    form = BreakoutForm(request.POST or None)
    status = 200
    if request.method == "POST":
        try:
            change_breakouts(request, cohort, form)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            status = 400  # the page again, with what went wrong
        else:
            return redirect(request.path)
    context = {"cohort": cohort, "form": form, "groups": history.breakout_groups(cohort)}
    context["announce_form"] = TextForm()
    context["students"] = active_students(cohort)
    context["group_numbers"] = range(1, 7)
    return render(request, "classes/chat/breakouts.html", context, status=status)


def change_breakouts(request, cohort, form):
    action = request.POST.get("action")
    if action == "close":
        services.close_breakout(request.user, cohort)
        messages.success(request, _("The groups are closed. Their messages are kept."))
    elif action == "announce":
        text = TextForm(request.POST)
        if not text.is_valid():
            raise ValidationError(_("Write the announcement first."))
        services.announce_to_groups(request.user, cohort, text.cleaned_data["text"])
        messages.success(request, _("Announcement sent to every group."))
    elif action == "assign":
        groups = groups_by_hand(request.POST, active_students(cohort))
        services.open_breakout(request.user, cohort, groups)
        messages.success(request, _("%(n)s groups are open.") % {"n": len(groups)})
    elif action == "open" and form.is_valid():
        groups = services.random_groups(active_students(cohort), form.cleaned_data["size"])
        services.open_breakout(request.user, cohort, groups)
        messages.success(request, _("%(n)s groups are open.") % {"n": len(groups)})
    else:
        raise ValidationError(_("Choose what to do."))


def active_students(cohort):
    return [e.student for e in cohort.enrollments.active().select_related("student")]


def groups_by_hand(data, students):
    """The teacher's choice on the form: `group-<student id>` = a group number."""
    chosen = {}
    for student in students:
        number = parse_number(data.get(f"group-{student.pk}", ""))
        if number:
            chosen.setdefault(number, []).append(student)
    if not chosen:
        raise ValidationError(_("Put students in groups first."))
    return [chosen[number] for number in sorted(chosen)]


@login_required
@require_POST
def phrase_of_the_day(request, class_id):
    cohort = taught_class(request, class_id)
    form = TextForm(request.POST)
    if form.is_valid():
        services.post_phrase_of_the_day(request.user, cohort, form.cleaned_data["text"])
    else:
        messages.error(request, _("Write the phrase first."))
    return redirect(f"/classes/{cohort.pk}/chat/")
