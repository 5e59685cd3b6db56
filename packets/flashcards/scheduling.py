"""Spaced repetition with FSRS (the scheduler modern Anki uses), stored per
student on the server. Harbor writes no scheduling maths of its own: it keeps
fsrs.Card's fields in FlashcardProgress and asks fsrs.Scheduler for the next.
"""

from datetime import UTC, datetime, timedelta

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from fsrs import Card, Rating, Scheduler, State

from packets.models import FlashcardProgress

# One short step in the session, then days: a student practises once a day on
# a phone, so a card they got right should not come back within minutes.
SCHEDULER = Scheduler(
    learning_steps=(timedelta(minutes=10),), relearning_steps=(timedelta(minutes=10),)
)

GRADES = [
    (Rating.Again, "again", _("Again")),
    (Rating.Hard, "hard", _("Hard")),
    (Rating.Good, "good", _("Good")),
    (Rating.Easy, "easy", _("Easy")),
]
RATING_BY_NAME = {name: rating for rating, name, _label in GRADES}


# A grade given offline is sent later with the time it was given; older than this
# (or in the future) and the time it arrives counts instead.
OFFLINE_GRADE_AGE = timedelta(days=30)


def review_time(given_at, now):
    """When a review happened: `given_at` (milliseconds since 1970, as the phone
    sent it with a grade given offline) if it is plausible, else `now`."""
    try:
        given = datetime.fromtimestamp(int(given_at) / 1000, tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return now
    return given if now - OFFLINE_GRADE_AGE <= given <= now else now


class UnknownGrade(ValueError):
    pass


def rating_named(name):
    try:
        return RATING_BY_NAME[name]
    except KeyError:
        raise UnknownGrade(name) from None


def grade_card(student, card, rating, now):
    """Record one review of `card` (a deck.Flashcard) by `student` at `now`
    (aware) and return the student's updated FlashcardProgress."""
    now_utc = now.astimezone(UTC)
    with transaction.atomic():
        progress, _created = FlashcardProgress.objects.select_for_update().get_or_create(
            student=student,
            packet_id=card.packet_id,
            item_id=card.item_id,
            defaults={"due": now_utc, "first_review": now_utc},
        )
        # A grade sent late (given offline) never goes back before the last one.
        if progress.last_review and now_utc < progress.last_review:
            now_utc = progress.last_review.astimezone(UTC)
        reviewed, _log = SCHEDULER.review_card(_to_fsrs(progress), rating, now_utc)
        _copy_into(progress, reviewed)
        progress.reviews += 1
        if rating == Rating.Again:
            progress.lapses += 1
        progress.save()
    return progress


def _to_fsrs(progress):
    return Card(
        card_id=progress.pk or 1,
        state=State(progress.state),
        step=progress.step,
        stability=progress.stability,
        difficulty=progress.difficulty,
        due=progress.due.astimezone(UTC),
        last_review=progress.last_review.astimezone(UTC) if progress.last_review else None,
    )


def _copy_into(progress, card):
    progress.state = int(card.state)
    progress.step = card.step
    progress.stability = card.stability
    progress.difficulty = card.difficulty
    progress.due = card.due
    progress.last_review = card.last_review
