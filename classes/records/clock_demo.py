"""Demo clock time: two demo students read level 2's packets and practise their
flashcards on evenings between classes, measured as the pages' beacons would
(classes/clock_time.py), so their records show proxy hours from reading.
Called from classes/demo.py after the classes."""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from classes.clock_time import record_time
from classes.models import StudyKind, StudyTime
from packets.demo import ensure_levels
from packets.models import PacketPage

# username: (kind, minutes an evening, evenings: days before today)
STUDY = {
    "student1": (StudyKind.READING, 45, range(2, 30, 2)),
    "student2": (StudyKind.FLASHCARDS, 20, range(1, 22, 3)),
}
BEACON = 5  # minutes between the demo's beacons


def evening(days_ago):
    day = timezone.localdate() - timedelta(days=days_ago)
    return datetime.combine(day, time(20, 0), tzinfo=timezone.get_default_timezone())


def load(log):
    people = get_user_model().objects.filter(username__in=STUDY)
    if StudyTime.objects.filter(student__in=people).exists():
        return  # already loaded (perhaps on another day): never twice
    packets = list(PacketPage.objects.live().in_levels([ensure_levels()["level-2"]]))
    if not packets:
        return
    for student in people:
        kind, minutes, evenings = STUDY[student.username]
        for n, days_ago in enumerate(evenings):
            packet = packets[n % len(packets)]
            start = evening(days_ago)
            for step in range(BEACON, minutes + 1, BEACON):
                moment = start + timedelta(minutes=step)
                record_time(student, packet, kind, BEACON * 60, now=moment)
    log("clock time: student1 reads packets, student2 practises flashcards (proxy hours)")
