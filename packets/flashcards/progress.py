"""Reads over FlashcardProgress: what to practise next, what is due today,
and what a class's teachers see. Each runs a constant number of queries."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db.models import Avg, Count, Q, Sum
from django.utils import timezone

from packets.flashcards.deck import packet_deck
from packets.models import FlashcardProgress, PacketPage


def start_of_day(now):
    return timezone.make_aware(datetime.combine(timezone.localtime(now).date(), time.min))


def end_of_today(now):
    local = timezone.localtime(now)
    return timezone.make_aware(datetime.combine(local.date() + timedelta(days=1), time.min))


def start_of_week(now):
    """Monday 00:00 in the program's time zone: 'this week' for teachers."""
    local = timezone.localtime(now)
    monday = local.date() - timedelta(days=local.weekday())
    return timezone.make_aware(datetime.combine(monday, time.min))


# New words a student starts per deck and day, as Anki does: more at once
# are soon forgotten, and a thousand-card level should not look like a wall.
NEW_CARDS_PER_DAY = 20


@dataclass
class PracticeQueue:
    due: list  # cards the student has seen and should review now, most overdue first
    new: list  # cards never graded, in deck order, within today's allowance of new cards
    later: list  # (card, due) for cards scheduled after now, soonest first
    waiting: int = 0  # new cards left for another day

    @property
    def next_card(self):
        return (self.due or self.new or [None])[0]

    @property
    def next_due_at(self):
        return self.later[0][1] if self.later else None

    @property
    def remaining(self):
        return len(self.due) + len(self.new)


def practice_queue(student, deck, now):
    progress, started_today = {}, 0
    if student.is_authenticated and deck.cards:
        rows = list(
            FlashcardProgress.objects.of_student(student).filter(
                packet_id__in={card.packet_id for card in deck.cards}
            )
        )
        progress = {(row.packet_id, row.item_id): row.due for row in rows}
        started_today = sum(1 for row in rows if row.first_review >= start_of_day(now))
    due, new, later = [], [], []
    for card in deck.cards:
        when = progress.get(card.key)
        if when is None:
            new.append(card)
        elif when <= now:
            due.append((card, when))
        else:
            later.append((card, when))
    due.sort(key=lambda pair: pair[1])
    later.sort(key=lambda pair: pair[1])
    allowance = max(0, NEW_CARDS_PER_DAY - started_today)
    return PracticeQueue(
        due=[card for card, _when in due],
        new=new[:allowance],
        later=later,
        waiting=len(new[allowance:]),
    )


def due_today_by_packet(student, now):
    """[(packet, count)] of the student's cards due by the end of today, in live packets."""
    counts = dict(
        FlashcardProgress.objects.of_student(student)
        .in_live_packets()
        .due_by(end_of_today(now))
        .values_list("packet_id")
        .annotate(count=Count("id"))
        .order_by()
    )
    if not counts:
        return []
    packets = PacketPage.objects.filter(pk__in=counts).order_by("path")
    return [(packet, counts[packet.pk]) for packet in packets]


def due_today_count(student, now):
    return (
        FlashcardProgress.objects.of_student(student)
        .in_live_packets()
        .due_by(end_of_today(now))
        .count()
    )


@dataclass
class PracticeSummary:
    practised: int = 0  # distinct cards reviewed since `since`
    due: int = 0  # cards due by the end of today


def practice_summary(student_ids, level, since, now):
    """{student id: PracticeSummary} for the level's packets; zeros for students
    who never practised."""
    rows = (
        FlashcardProgress.objects.of_students(student_ids)
        .in_level(level)
        .in_live_packets()
        .values("student_id")
        .annotate(
            practised=Count("id", filter=Q(last_review__gte=since)),
            due=Count("id", filter=Q(due__lte=end_of_today(now))),
        )
        .order_by()
    )
    summary = {student_id: PracticeSummary() for student_id in student_ids}
    for row in rows:
        summary[row["student_id"]] = PracticeSummary(row["practised"], row["due"])
    return summary


def practice_rows(students, level, since, now):
    """[(student, PracticeSummary)] in the given order, for the class page template."""
    summary = practice_summary([s.pk for s in students], level, since, now)
    return [(student, summary[student.pk]) for student in students]


@dataclass
class HardWord:
    card: object
    forgotten: int  # times the class pressed Again on it
    students: int  # students who practised it


def hardest_words(student_ids, packet, limit=10):
    """The packet's words the class forgot most often (Again), hardest first."""
    rows = (
        FlashcardProgress.objects.of_students(student_ids)
        .filter(packet=packet, lapses__gt=0)
        .values("item_id")
        .annotate(forgotten=Sum("lapses"), students=Count("id"), avg=Avg("difficulty"))
        .order_by("-forgotten", "-avg", "item_id")
    )
    cards = packet_deck(packet).by_key
    words = []
    for row in rows:
        card = cards.get((packet.pk, row["item_id"]))
        if card:  # a word since deleted from the packet is no longer shown
            words.append(HardWord(card, row["forgotten"], row["students"]))
        if len(words) == limit:
            break
    return words
