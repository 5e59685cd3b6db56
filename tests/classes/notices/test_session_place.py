"""The session-today notice of an in-person or hybrid class says where it meets
(room and address, the teacher's English), in Harbor and by email; an online
class's says nothing of a place."""

from datetime import time, timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.formats import date_format

from classes.models import Notice, NoticeKind
from classes.notices import kinds
from classes.notices.tasks import next_morning, run_morning
from classes.place import change_place
from classes.schedule import change_session, set_cancelled
from tests.classes.notices.conftest import future_session

pytestmark = pytest.mark.django_db

PLACE = "Room 12, Riverside Library, 40 Main Street"


@pytest.fixture(autouse=True)
def read_that_morning(monkeypatch):
    """Notices read (and emails sent) on the morning they are written, as in use."""
    monkeypatch.setattr(kinds, "reading_day", lambda: next_morning().date())


@pytest.fixture
def hybrid(cohort):
    change_place(cohort, mode="hybrid", address="Riverside Library\n40 Main Street", room="Room 12")
    return cohort


def tonight(user):
    return Notice.objects.get(recipient=user, kind=NoticeKind.SESSION_TONIGHT)


def test_a_hybrid_class_s_notice_says_where_it_meets_in_harbor(hybrid, login):
    run_morning(next_morning())
    assert tonight(hybrid.amina).params["place"] == PLACE
    page = login(hybrid.amina).get("/notices/").content.decode()
    assert f'Where: <bdi lang="en" dir="ltr">{PLACE}</bdi>.' in page
    # The video call stays beside it: a hybrid class meets in both.
    assert "https://meet.example.org/evening" in page


def test_a_hybrid_class_s_notice_email_carries_the_room_and_address(hybrid, run_worker):
    run_morning(next_morning())
    run_worker()
    body = next(m.body for m in mail.outbox if m.to == ["amina@example.org"])
    assert f"- Class today: Evening English at 18:00. Where: {PLACE}.\n" in body


def test_the_place_is_isolated_for_a_right_to_left_reader(hybrid, run_worker):
    hybrid.amina.preferred_language = "ar"
    hybrid.amina.save()
    run_morning(next_morning())
    run_worker()
    body = next(m.body for m in mail.outbox if m.to == ["amina@example.org"])
    assert f"\u2068{PLACE}\u2069" in body


def test_an_online_class_s_notice_names_no_place(cohort, login, run_worker):
    change_place(cohort, mode="online", address="Riverside Library", room="Room 12")
    run_morning(next_morning())
    run_worker()
    assert "place" not in tonight(cohort.amina).params
    page = login(cohort.amina).get("/notices/").content.decode()
    assert "Class today:" in page
    assert "Where:" not in page and "Room 12" not in page
    body = next(m.body for m in mail.outbox if m.to == ["amina@example.org"])
    assert "Room 12" not in body and "Riverside" not in body


def test_a_moved_session_of_a_hybrid_class_says_where_it_meets(hybrid, login):
    session = future_session(hybrid, days=3)
    day = timezone.localtime(session.starts_at).date()
    change_session(session, day=day, at=time(19, 30), duration_minutes=60, by=hybrid.teacher)
    notice = Notice.objects.get(recipient=hybrid.amina, kind=NoticeKind.SESSION_CHANGED)
    assert notice.params["place"] == PLACE
    page = login(hybrid.amina).get("/notices/").content.decode()
    assert f'19:30. Where: <bdi lang="en" dir="ltr">{PLACE}</bdi>.' in page


def test_a_session_back_on_says_where_but_a_cancelled_one_does_not(hybrid, login):
    session = future_session(hybrid)
    set_cancelled(session, True, by=hybrid.teacher)
    set_cancelled(session, False, by=hybrid.teacher)
    cancelled, back_on = (
        Notice.objects.get(recipient=hybrid.amina, kind=kind)
        for kind in (NoticeKind.SESSION_CANCELLED, NoticeKind.SESSION_CHANGED)
    )
    assert "place" not in cancelled.params
    assert back_on.params["place"] == PLACE
    page = login(hybrid.amina).get("/notices/").content.decode()
    assert page.count("Where:") == 1


def test_the_notice_read_on_a_later_day_names_the_session_s_day(hybrid, login, monkeypatch):
    morning = next_morning()
    run_morning(morning)
    monkeypatch.setattr(kinds, "reading_day", lambda: morning.date() + timedelta(days=1))
    page = login(hybrid.amina).get("/notices/").content.decode()
    day = date_format(morning, "D j M")
    assert f'Class on {day}: <bdi lang="en" dir="ltr">Evening English</bdi> at 18:00.' in page
    assert "Class today" not in page
