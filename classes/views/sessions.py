"""Taking the roll and changing a session."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from classes.attendance import Mark, roll_not_open_message, roll_students, take_attendance
from classes.forms import SessionForm
from classes.models import Attendance, AttendanceStatus
from classes.schedule import add_session, change_session, set_cancelled
from classes.views.access import taught_class, taught_session
from learning.ids import parse_number


def marks_from_post(post, session):
    """Read `status-<id>` and `minutes-<id>` pairs. Empty minutes mean the whole session."""
    marks, errors = {}, set()
    for key, status in post.items():
        if not key.startswith("status-"):
            continue
        raw_id = key.removeprefix("status-")
        student_id = parse_number(raw_id)
        raw_minutes = post.get(f"minutes-{raw_id}", "").strip()
        minutes = parse_number(raw_minutes) if raw_minutes else session.duration_minutes
        if student_id is None:
            errors.add(_("A student on this roll is not enrolled in the class."))
        elif minutes is None:
            errors.add(_("Minutes must be a whole number."))
        else:
            marks[student_id] = Mark(status, minutes)
    if errors:
        raise ValidationError(sorted(errors))
    if not marks:
        raise ValidationError(_("The roll is empty: no student was sent."))
    return marks


def roll_rows(session, post=None):
    """Each student with the status and minutes to show: what was posted, or what
    is saved, or present for the whole session."""
    saved = {a.student_id: a for a in Attendance.objects.filter(session=session)}
    rows = []
    for student in roll_students(session):
        record = saved.get(student.pk)
        status = record.status if record else AttendanceStatus.PRESENT
        minutes = record.minutes if record else session.duration_minutes
        if post is not None:
            status = post.get(f"status-{student.pk}", status)
            minutes = post.get(f"minutes-{student.pk}", minutes)
        rows.append({"student": student, "status": status, "minutes": minutes})
    return rows, bool(saved)


@login_required
def take_roll(request, class_id, session_id):
    session = taught_session(request, class_id, session_id)
    status = 200
    if request.method == "POST":
        try:
            marks = marks_from_post(request.POST, session)
            saved = take_attendance(session, marks, by=request.user)
        except ValidationError as error:
            status = 400
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Attendance saved (%(count)s changed).") % {"count": saved})
            return redirect(request.path)
    rows, taken = roll_rows(session, request.POST if request.method == "POST" else None)
    context = {
        "class": session.cohort,
        "session": session,
        "rows": rows,
        "taken": taken,
        "statuses": AttendanceStatus.choices,
        "not_open": None if session.has_started() else roll_not_open_message(session),
    }
    return render(request, "classes/roll.html", context, status=status)


def session_initial(session):
    start = timezone.localtime(session.starts_at)
    return {
        "day": start.date(),
        "at": start.time(),
        "duration_minutes": session.duration_minutes,
        "topic": session.topic,
        "link": session.link,
    }


@login_required
def edit_session(request, class_id, session_id):
    session = taught_session(request, class_id, session_id)
    form = SessionForm(request.POST or None, initial=session_initial(session))
    if request.method == "POST" and form.is_valid():
        try:
            change_session(session, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
            session.refresh_from_db()
        else:
            messages.success(request, _("The session was saved."))
            return redirect(session.cohort.get_absolute_url())
    context = {"class": session.cohort, "session": session, "form": form}
    return render(request, "classes/session_form.html", context)


@login_required
@require_POST
def cancel_session(request, class_id, session_id):
    session = taught_session(request, class_id, session_id)
    cancelled = request.POST.get("cancelled") != "no"
    set_cancelled(session, cancelled, by=request.user)
    if cancelled:
        messages.success(request, _("The session was cancelled."))
    else:
        messages.success(request, _("The session is back on."))
    return redirect(session.cohort.get_absolute_url())


@login_required
def new_session(request, class_id):
    class_ = taught_class(request, class_id)
    form = SessionForm(request.POST or None, initial={"duration_minutes": class_.duration_minutes})
    if request.method == "POST" and form.is_valid():
        try:
            add_session(class_, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The session was added."))
            return redirect(class_.get_absolute_url())
    return render(request, "classes/session_form.html", {"class": class_, "form": form})
