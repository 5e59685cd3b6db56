"""Demo notices: one of every kind for student1, teacher1 and the manager, so
the bell and the list have something to show, and the session notice of a class
that meets in a room, with its place, for that class's students and teachers.
Written with `notify` (once per person and kind: a second `make run` adds
nothing); the older half read."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from classes.models import BreakoutGroup, Class, NoticeKind, Session
from classes.notices.services import mark_read, notify
from classes.notices.triggers import people_of, place_of, session_params
from packets.models import PacketPage

DEMO_PEOPLE = ("student1", "teacher1", "manager")


def examples(cohort, session, packet, group):
    """(kind, params, link) for each kind, about the demo's own class A."""
    when = session.starts_at.isoformat()
    classes = f"/classes/{cohort.pk}/"
    due = (timezone.localdate() + timedelta(days=7)).isoformat()
    group_params = {"class": cohort.name, "group": group.name if group else "Group 1"}
    return [
        (NoticeKind.DEVICE_DUE, {"device": "Tablet 7", "due": due}, ""),
        (NoticeKind.PRACTICE_INVITATION, {"group": "Weekend speaking"}, ""),
        (NoticeKind.NEW_FEEDBACK, {"title": "My shopping list", "status": "returned"}, ""),
        (NoticeKind.SESSION_CHANGED, {"class": cohort.name, "starts_at": when}, classes),
        (NoticeKind.SESSION_CANCELLED, {"class": cohort.name, "starts_at": when}, classes),
        (NoticeKind.BREAKOUT_INVITATION, group_params, f"{classes}chat/"),
        (NoticeKind.NEW_PACKET, {"title": packet.title, "page_id": packet.pk}, packet.url),
        (
            NoticeKind.SESSION_TONIGHT,
            {
                "class": cohort.name,
                "starts_at": when,
                "call": session.meeting_link,
                **place_of(cohort),
            },
            classes,
        ),
    ]


def load(log):
    cohort = Class.objects.filter(sessions__isnull=False).order_by("pk").first()
    packet = PacketPage.objects.live().order_by("path").first()
    if cohort is None or packet is None:
        return
    session = Session.objects.filter(cohort=cohort).upcoming().first() or cohort.sessions.last()
    group = BreakoutGroup.objects.filter(cohort=cohort).first()
    people = get_user_model().objects.filter(username__in=DEMO_PEOPLE)
    written = []
    for kind, params, link in examples(cohort, session, packet, group):
        written += notify(people, kind, params, link=link, key=f"demo:{kind}")
    for notice in written[: len(written) // 2]:
        mark_read(notice)
    written += session_with_a_place()
    log(f"{len(written)} new notices")


def session_with_a_place():
    """The first class meeting in a room: its next session's notice says where."""
    for cohort in Class.objects.filter(sessions__isnull=False).distinct().order_by("pk"):
        place = place_of(cohort)
        session = Session.objects.filter(cohort=cohort).upcoming().first()
        if place and session is not None:
            params = session_params(session, call=session.meeting_link, **place)
            link = cohort.get_absolute_url()
            key = "demo:session_tonight:place"
            return notify(people_of(cohort), NoticeKind.SESSION_TONIGHT, params, link=link, key=key)
    return []
