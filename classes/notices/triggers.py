"""What tells whom: one function per event, called by the verb that makes the
event (classes/schedule.py, submissions/services.py, chat/services.py), inside
its transaction, or by the page_published receiver (signals.py) and the morning
run (tasks.py)."""

from datetime import timedelta

from django.utils import timezone

from classes.models import Class, Enrollment, Loan, NoticeKind, Session
from classes.notices.services import notify
from packets.tree import level_of


def people_of(cohort, leaving_out=None):
    """A class's active students and its teachers, but not whoever made the change."""
    students = Enrollment.objects.active().for_class(cohort).values_list("student_id", flat=True)
    teachers = cohort.teachers.values_list("pk", flat=True)
    left_out = getattr(leaving_out, "pk", None)
    return [pk for pk in [*students, *teachers] if pk != left_out]


def session_params(session, **extra):
    return {
        "class": session.cohort.name,
        "class_id": session.cohort_id,
        "session_id": session.pk,
        "starts_at": session.starts_at.isoformat(),
        **extra,
    }


def place_of(cohort):
    """Where an in-person or hybrid class meets, as the teacher wrote it; nothing
    for an online class (or one whose place is not written yet)."""
    place = cohort.place_text()
    return {"place": place} if place else {}


def still_ahead(session, now=None):
    return session.ends_at > (now or timezone.now())


def session_cancelled(session, by):
    """A cancelled session (or one back on) that has not ended yet."""
    if not still_ahead(session):
        return []
    if session.cancelled:  # nobody goes: no place to tell
        kind, params = NoticeKind.SESSION_CANCELLED, session_params(session)
    else:
        kind = NoticeKind.SESSION_CHANGED
        params = session_params(session, **place_of(session.cohort))
    people = people_of(session.cohort, leaving_out=by)
    link = session.cohort.get_absolute_url()
    return notify(people, kind, params, link=link)


def session_moved(session, was, by):
    """A held session given another start, still ahead (`was`: the old start)."""
    if was == session.starts_at or session.cancelled or not still_ahead(session):
        return []
    params = session_params(session, was=was.isoformat(), **place_of(session.cohort))
    people = people_of(session.cohort, leaving_out=by)
    return notify(
        people, NoticeKind.SESSION_CHANGED, params, link=session.cohort.get_absolute_url()
    )


def sessions_today(now=None):
    """The morning run: everyone of a class meeting later today hears of it, with
    its video-call link; once per session and day, however often this runs."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    sessions = (
        Session.objects.held()
        .on_day(today)
        .filter(starts_at__gt=now)
        .select_related("cohort")
        .order_by("starts_at")
    )
    told = []
    for session in sessions:
        params = session_params(session, call=session.meeting_link, **place_of(session.cohort))
        told += notify(
            people_of(session.cohort),
            NoticeKind.SESSION_TONIGHT,
            params,
            link=session.cohort.get_absolute_url(),
            key=f"session-today:{session.pk}:{today.isoformat()}",
        )
    return told


def feedback_given(feedback):
    submission = feedback.submission
    params = {"title": submission.assignment.title, "status": feedback.status}
    return notify(
        [submission.student_id],
        NoticeKind.NEW_FEEDBACK,
        params,
        link=submission.get_absolute_url(),
    )


def packet_published(page):
    """Students of every current class of the packet's level; once per packet."""
    level = level_of(page)
    if level is None:
        return []
    classes = Class.objects.filter(level=level).current()
    students = Enrollment.objects.active().filter(cohort__in=classes)
    ids = students.values_list("student_id", flat=True)
    params = {"title": page.title, "page_id": page.pk}
    return notify(list(ids), NoticeKind.NEW_PACKET, params, link=page.url, key=f"packet:{page.pk}")


def breakout_opened(cohort, groups):
    """`groups`: (group, its students) pairs; each student is invited to theirs."""
    told = []
    for group, students in groups:
        params = {"class": cohort.name, "group": group.name, "group_id": group.pk}
        link = f"/classes/{cohort.pk}/groups/{group.pk}/chat/"
        told += notify(students, NoticeKind.BREAKOUT_INVITATION, params, link=link)
    return told


# A borrower hears three days ahead: time to arrange a lift or a bus fare.
DEVICE_DUE_AHEAD = timedelta(days=3)


def devices_due_soon(now=None):
    """The morning run: each borrower whose open loan is due back in three days
    is told once per loan and due date (a new due date is told again)."""
    due = timezone.localdate(now or timezone.now()) + DEVICE_DUE_AHEAD
    told = []
    for loan in Loan.objects.open().filter(due_back=due).select_related("device"):
        device = f"{loan.device.get_kind_display()} {loan.device.asset_tag}"
        told += notify(
            [loan.student_id],
            NoticeKind.DEVICE_DUE,
            {"device": device, "due": due.isoformat(), "loan_id": loan.pk},
            link="/",
            key=f"device-due:{loan.pk}:{due.isoformat()}",
        )
    return told


def practice_invitation(group, student_ids):
    """Each newly invited classmate; the invitation waits on their home page."""
    params = {"group": group.name, "group_id": group.pk}
    return notify(student_ids, NoticeKind.PRACTICE_INVITATION, params, link="/")
