"""Grades given with the phone offline arrive later, with the time they were
given; the scheduler counts them then, and never before the last review."""

from datetime import UTC, datetime, timedelta

import pytest

from packets.flashcards.scheduling import review_time
from packets.models import FlashcardProgress
from tests.packets.flashcards.test_flashcard_views import item_id_of

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


def millis(moment):
    return str(int(moment.timestamp() * 1000))


def test_a_grade_given_an_hour_ago_counts_an_hour_ago():
    assert review_time(millis(NOW - timedelta(hours=1)), NOW) == NOW - timedelta(hours=1)


@pytest.mark.parametrize(
    "given_at",
    [
        None,
        "",
        "yesterday",
        "1e3",
        "9" * 6000,
        "-1",
        millis(NOW + timedelta(hours=1)),
        millis(NOW - timedelta(days=31)),
    ],
)
def test_an_implausible_time_counts_as_now(given_at):
    assert review_time(given_at, NOW) == NOW


def test_the_offline_time_reaches_the_card(login, student, clinic_packet):
    client = login(student)
    given = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=3)
    response = client.post(
        f"{clinic_packet.url}flashcards/",
        {
            "packet": clinic_packet.pk,
            "item": item_id_of(clinic_packet),
            "grade": "good",
            "given_at": millis(given),
        },
    )
    assert response.status_code == 302
    assert FlashcardProgress.objects.get(student=student).last_review == given


def test_a_late_grade_never_goes_back_before_the_last_review(login, student, clinic_packet):
    client = login(student)
    url, item = f"{clinic_packet.url}flashcards/", item_id_of(clinic_packet)
    client.post(url, {"packet": clinic_packet.pk, "item": item, "grade": "good"})
    first = FlashcardProgress.objects.get(student=student).last_review
    earlier = millis(first - timedelta(hours=2))
    client.post(
        url, {"packet": clinic_packet.pk, "item": item, "grade": "again", "given_at": earlier}
    )
    progress = FlashcardProgress.objects.get(student=student)
    assert progress.reviews == 2 and progress.last_review >= first
