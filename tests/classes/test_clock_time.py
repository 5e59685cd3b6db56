"""Clock time (docs/records.md, "Clock time"): what a beacon counts, with
hand-computed seconds, who may send one, and clock time as proxy hours."""

import threading
import time
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction

from classes.attendance import Mark, take_attendance
from classes.clock_time import SLACK_SECONDS, credit, record_time
from classes.models import StudyTime
from classes.records.period_data import periods_of_student
from classes.records.proxy import ProxyModel, proxy_by_student, proxy_rules
from classes.records.rules import NrsRules
from learning.roles import Role
from packets.demo import ensure_levels
from tests.factories import publish_packet

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.get_default_timezone())


def seconds(student):
    return sum(StudyTime.objects.filter(student=student).values_list("seconds", flat=True))


@pytest.fixture
def packet(db):
    return publish_packet(ensure_levels()["level-2"], "Week 4: The bus", number=4)


@pytest.fixture
def cap(settings):
    def set_cap(minutes):
        settings.HARBOR_PROXY_RULES = {**settings.HARBOR_PROXY_RULES, "daily_cap_minutes": minutes}

    return set_cap


def test_a_beacon_counts_at_most_the_idle_timeout():
    rules = proxy_rules()  # idle timeout 300 s
    assert credit(900, None, 0, T0, rules).seconds == 300
    assert credit(42, None, 0, T0, rules).seconds == 42


def test_counted_time_never_runs_ahead_of_the_wall_clock():
    """Counted up to 10 s ago: a beacon claiming 60 s counts 10 s + the slack (5 s)."""
    counted = credit(60, T0 - timedelta(seconds=10), 0, T0, proxy_rules())
    assert counted.seconds == 10 + SLACK_SECONDS == 15
    assert counted.counted_until == T0 + timedelta(seconds=5)


def test_a_day_counts_at_most_the_daily_cap():
    """8 hours = 28 800 s; 28 700 already counted: 100 of a 120 s beacon count."""
    assert credit(120, None, 28_700, T0, proxy_rules()).seconds == 100
    assert credit(120, None, 28_800, T0, proxy_rules()).seconds == 0


def test_beacons_of_a_reading_session_add_up_on_one_row(classroom, packet):
    """900 s claimed at 9:00 (300 count), 60 s at 9:00:30 (30 + 5 slack), 60 s at
    9:01:00 (from 9:00:35: 25 + 5): 365 s, on one row for the day."""
    _cohort, _teacher, amina, _ahmad = classroom
    counted = [
        record_time(amina, packet, "reading", 900, now=T0),
        record_time(amina, packet, "reading", 60, now=T0 + timedelta(seconds=30)),
        record_time(amina, packet, "reading", 60, now=T0 + timedelta(seconds=60)),
    ]
    assert counted == [300, 35, 30]
    (row,) = StudyTime.objects.all()
    assert (row.seconds, row.day, row.packet_title) == (365, T0.date(), "Week 4: The bus")


def test_a_whole_day_of_beacons_stops_at_eight_hours(classroom, packet):
    """Ten hours of beacons, 60 s each minute, reading and flashcards in turn: 8 h count."""
    _cohort, _teacher, amina, _ahmad = classroom
    for minute in range(600):
        kind = "reading" if minute % 2 else "flashcards"
        record_time(amina, packet, kind, 60, now=T0 + timedelta(minutes=minute + 1))
    assert seconds(amina) == 8 * 3600
    items = proxy_by_student([amina.pk])[amina.pk]
    assert sum(item.minutes for item in items) == 480
    assert {item.packet_title for item in items} == {"Week 4: The bus"}


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_parallel_beacons_cannot_pass_the_cap_together(make_user, cap, monkeypatch):
    """Eight beacons of 300 s at once against a 2-minute cap: 120 s count, not 8 × 120.
    Each beacon is slowed between reading the day's total and writing its seconds,
    so without the lock every one of them would read 0 and add 120."""
    cap(2)

    def slow_credit(*args):
        time.sleep(0.2)
        return credit(*args)

    monkeypatch.setattr("classes.clock_time.credit", slow_credit)
    amina = make_user(Role.STUDENT)
    packet = publish_packet(ensure_levels()["level-2"], "Week 5", number=5)
    start = threading.Barrier(8)

    def beacon():
        start.wait()
        try:
            record_time(amina, packet, "reading", 300)
        finally:
            connection.close()

    threads = [threading.Thread(target=beacon) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seconds(amina) == 120


def post_beacon(client, packet_id, kind="reading", value="60"):
    return client.post("/learning-time/", {"packet": packet_id, "kind": kind, "seconds": value})


def test_a_student_s_beacon_is_counted(login, classroom, packet):
    _cohort, _teacher, amina, _ahmad = classroom
    assert post_beacon(login(amina), packet.pk).status_code == 204
    assert seconds(amina) == 60


def test_the_beacon_keeps_csrf_protection_and_takes_the_token_from_the_body(classroom, packet):
    _cohort, _teacher, amina, _ahmad = classroom
    client = Client(enforce_csrf_checks=True)
    client.force_login(amina)
    assert post_beacon(client, packet.pk).status_code == 403
    token = client.get(packet.url).cookies["csrftoken"].value
    data = {"packet": packet.pk, "kind": "reading", "seconds": "60"}
    response = client.post("/learning-time/", {**data, "csrfmiddlewaretoken": token})
    assert response.status_code == 204 and seconds(amina) == 60


@pytest.mark.parametrize(
    "kind, value",
    [("reading", "abc"), ("reading", "-5"), ("reading", "0"), ("reading", "99999"),
     ("sleeping", "60"), ("", "60"), ("reading", "")],
)  # fmt: skip
def test_junk_beacons_are_refused_and_record_nothing(login, classroom, packet, kind, value):
    _cohort, _teacher, amina, _ahmad = classroom
    assert post_beacon(login(amina), packet.pk, kind, value).status_code == 400
    assert not StudyTime.objects.exists()


def test_a_beacon_for_no_such_packet_is_not_found(login, classroom, packet):
    _cohort, _teacher, amina, _ahmad = classroom
    client = login(amina)
    assert post_beacon(client, packet.pk + 1000).status_code == 404
    assert post_beacon(client, "junk").status_code == 400
    assert not StudyTime.objects.exists()


def test_staff_and_visitors_record_no_clock_time(login, client, classroom, packet, manager):
    _cohort, teacher, _amina, _ahmad = classroom
    assert post_beacon(client, packet.pk).status_code == 302  # sent to sign in
    assert post_beacon(login(teacher), packet.pk).status_code == 403
    assert post_beacon(login(manager), packet.pk).status_code == 403
    assert client.get("/learning-time/").status_code == 405
    assert not StudyTime.objects.exists()


def test_a_packet_the_student_may_not_read_records_nothing(login, classroom, packet):
    _cohort, _teacher, amina, _ahmad = classroom
    level = ensure_levels()["level-3"]
    hidden = publish_packet(level, "Staff only", number=1)
    PageViewRestriction.objects.filter(page=level).update(
        restriction_type=PageViewRestriction.GROUPS
    )
    draft = publish_packet(ensure_levels()["level-2"], "Draft", number=9, publish=False, live=False)
    client = login(amina)
    assert post_beacon(client, hidden.pk).status_code == 403
    assert post_beacon(client, draft.pk).status_code == 403
    assert not StudyTime.objects.exists()


def test_a_kind_not_counted_as_clock_time_records_nothing(login, classroom, packet, settings):
    _cohort, _teacher, amina, _ahmad = classroom
    models = {**settings.HARBOR_PROXY_RULES["models"], "reading": ""}
    settings.HARBOR_PROXY_RULES = {**settings.HARBOR_PROXY_RULES, "models": models}
    assert post_beacon(login(amina), packet.pk).status_code == 204
    assert not StudyTime.objects.exists()


def test_clock_time_is_proxy_hours_and_makes_a_distance_learner(classroom, packet):
    """Amina: 2 hours in class; 3 days × 60 minutes of reading (3 proxy hours)
    → 5 hours, a distance learner (3 > 5 / 2)."""
    cohort, teacher, amina, _ahmad = classroom
    first = cohort.sessions.order_by("starts_at")[0]
    take_attendance(first, {amina.pk: Mark("present", 120)}, by=teacher)
    day = timezone.localtime(first.starts_at) + timedelta(days=1)
    for offset in range(3):
        for minute in range(60):
            moment = day + timedelta(days=offset, minutes=minute + 1)
            record_time(amina, packet, "reading", 60, now=moment)
    items = proxy_by_student([amina.pk])[amina.pk]
    assert [(i.model, i.kind, i.minutes, i.packet_id) for i in items] == [
        (ProxyModel.CLOCK_TIME, "reading", 60, packet.pk)
    ] * 3
    (period,) = periods_of_student(amina)
    assert (period.contact_hours, period.proxy_hours) == (Decimal("2.0"), Decimal("3.0"))
    assert period.is_distance_learner(NrsRules())


def test_a_teacher_s_view_counts_clock_time_at_their_classes_levels(make_class, classroom):
    cohort, _teacher, amina, _ahmad = classroom
    other_level = publish_packet(ensure_levels()["level-4"], "Level 4 reading", number=1)
    record_time(amina, other_level, "reading", 120, now=T0)
    assert proxy_by_student([amina.pk])[amina.pk][0].minutes == 2
    assert proxy_by_student([amina.pk], classes=[cohort]) == {}


def test_less_than_a_minute_a_day_earns_no_minute(classroom, packet):
    _cohort, _teacher, amina, _ahmad = classroom
    record_time(amina, packet, "reading", 59, now=T0)
    assert proxy_by_student([amina.pk]) == {}


def page_for(user, packet):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client.get(packet.url).content.decode()


def test_only_students_get_the_beacon_on_a_packet_page(classroom, packet):
    """(The flashcard page's: tests/packets/flashcards/test_flashcard_views.py.)"""
    _cohort, teacher, amina, _ahmad = classroom
    page = page_for(amina, packet)
    assert 'id="clock-time"' in page and f'data-packet="{packet.pk}"' in page
    assert 'data-kind="reading"' in page
    assert 'id="clock-time"' not in page_for(teacher, packet)
    assert 'id="clock-time"' not in page_for(None, packet)


def test_the_student_s_record_traces_clock_time_to_packet_and_day(login, classroom, packet):
    _cohort, teacher, amina, _ahmad = classroom
    for minute in range(45):
        record_time(amina, packet, "flashcards", 60, now=T0 + timedelta(minutes=minute + 1))
    page = login(teacher).get(f"/records/students/{amina.pk}/").content.decode()
    assert "Clock time in the period from" in page
    assert "Week 4: The bus" in page and "Flashcard practice" in page
    assert "<td>45</td>" in page
