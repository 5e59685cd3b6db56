"""Clock time measured by a real browser (docs/records.md, "Clock time"): a
student reading a packet on a phone sends beacons that are counted."""

import time

import pytest

from classes.models import StudyTime
from tests.conftest import PASSWORD
from tests.packets.flashcards.conftest import new_level, new_packet, vocabulary, word

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def packet(transactional_db):
    return new_packet(new_level(), vocabulary(word("bus", "a big car")), title="The bus")


def counted(student):
    return sum(StudyTime.objects.filter(student=student).values_list("seconds", flat=True))


def test_reading_a_packet_on_a_phone_counts_clock_time(sign_in, student, packet, settings):
    settings.HARBOR_CLOCK_BEACON_SECONDS = 1  # a beacon every second, not every minute
    page = sign_in(student, PASSWORD)
    page.goto(packet.url)
    deadline = time.monotonic() + 15
    while counted(student) < 2:
        assert time.monotonic() < deadline, "no clock time was counted"
        page.mouse.wheel(0, 40)  # the student scrolls: active, not idle
        time.sleep(0.5)
    (row,) = StudyTime.objects.filter(student=student)
    assert (row.kind, row.packet_id) == ("reading", packet.pk)
