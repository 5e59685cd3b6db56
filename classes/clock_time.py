"""Clock time from the pages' beacons: how a beacon's seconds are counted.

The packet page and the flashcard practice page send, with
navigator.sendBeacon, the seconds the student was active on them since their
last beacon (classes/static/classes/clock.js). The server believes no more
than the wall clock allows (docs/records.md, "Clock time"):

- a beacon counts at most `idle_timeout_seconds`;
- a student's counted time never runs ahead of the wall clock: each beacon's
  seconds are laid end to end after the last counted moment
  (`StudyTime.counted_until`), starting no earlier than one idle timeout ago,
  and may reach at most `SLACK_SECONDS` past now — so two tabs, or a burst of
  parallel beacons, cannot count the same minute twice;
- a day counts at most `daily_cap_minutes` over every clock-time kind.

Each student's beacons are counted one at a time (a row lock on the student),
so parallel beacons cannot pass the cap together."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F, Max, Q, Sum
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from classes.access import may_record_study_time
from classes.models import StudyKind, StudyTime
from classes.records.proxy import ProxyModel, ProxyRules, proxy_rules

# How far past the server's clock a beacon's time may reach: timers and the
# network are not exact.
SLACK_SECONDS = 5


@dataclass(frozen=True)
class Credit:
    seconds: int
    counted_until: datetime


def credit(claimed, counted_until, seconds_today, now, rules: ProxyRules) -> Credit:
    """What one beacon claiming `claimed` seconds counts, given the student's
    last counted moment (None: none lately) and their seconds already counted
    today. Pure: the rule, provable on its own."""
    idle = timedelta(seconds=rules.idle_timeout_seconds)
    start = now - idle if counted_until is None else max(counted_until, now - idle)
    room = int((now + timedelta(seconds=SLACK_SECONDS) - start).total_seconds())
    left_today = rules.daily_cap_minutes * 60 - seconds_today
    seconds = max(0, min(claimed, rules.idle_timeout_seconds, room, left_today))
    return Credit(seconds, start + timedelta(seconds=seconds))


def record_time(student, packet, kind, claimed, now=None) -> int:
    """Count a beacon's `claimed` active seconds of `kind` on `packet` for
    `student`; the seconds counted (0 when the rules leave none). The caller
    has checked that the student may read the packet (classes/access.py)."""
    rules = proxy_rules()
    if kind not in rules.kinds(ProxyModel.CLOCK_TIME):
        return 0  # the program does not count this kind as clock time
    now = now or timezone.now()
    day = timezone.localdate(now)
    with transaction.atomic():
        # One beacon of a student at a time, even when no row exists yet today.
        list(get_user_model().objects.select_for_update().filter(pk=student.pk).values("pk"))
        lately = StudyTime.objects.filter(student=student, day__gte=day - timedelta(days=1))
        known = lately.aggregate(
            until=Max("counted_until"), today=Sum("seconds", filter=Q(day=day))
        )
        counted = credit(claimed, known["until"], known["today"] or 0, now, rules)
        if counted.seconds:
            add_seconds(student, packet, kind, day, counted)
    return counted.seconds


def add_seconds(student, packet, kind, day, counted: Credit):
    row, _created = StudyTime.objects.get_or_create(
        student=student,
        packet=packet,
        kind=kind,
        day=day,
        defaults={"packet_title": packet.title[:255], "counted_until": counted.counted_until},
    )
    StudyTime.objects.filter(pk=row.pk).update(
        seconds=F("seconds") + counted.seconds, counted_until=counted.counted_until
    )


def beacon_settings():
    """(seconds between beacons, idle timeout in seconds) for the page's script."""
    every = int(settings.HARBOR_CLOCK_BEACON_SECONDS)
    return every, proxy_rules().idle_timeout_seconds


def beacon_html(request, packet_id, kind):
    """The script tag that measures a student's time on a packet's page, or ""
    for anyone else (no query: the reader's roles are already loaded)."""
    if getattr(request, "is_preview", False) or not may_record_study_time(request.user):
        return ""
    every, idle = beacon_settings()
    context = {
        "url": reverse("learning_time"),
        "packet_id": packet_id,
        "kind": kind,
        "every": every,
        "idle": idle,
        "csrf_token": get_token(request),
    }
    # No request: no context processor runs (this is on every packet page view).
    return render_to_string("classes/clock_beacon.html", context)


def reading_beacon(request, packet_id, assignment_ids):
    """The packet page's beacon (its student-status slot, packets/panels.py)."""
    return beacon_html(request, packet_id, StudyKind.READING)


def flashcards_beacon(request, packet_id):
    """The flashcard practice page's beacon (packets/panels.py)."""
    return beacon_html(request, packet_id, StudyKind.FLASHCARDS)
