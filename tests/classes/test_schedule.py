from datetime import date, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from classes.schedule import add_session, change_session, set_cancelled


def local(session):
    return timezone.localtime(session.starts_at)


def test_sessions_follow_the_weekly_schedule_for_the_whole_term(make_cohort):
    class_ = make_cohort(term_start=date(2026, 9, 7), term_end=date(2026, 9, 20))
    starts = [local(s) for s in class_.sessions.all()]
    assert [s.date() for s in starts] == [
        date(2026, 9, 7),
        date(2026, 9, 9),
        date(2026, 9, 14),
        date(2026, 9, 16),
    ]
    assert {s.time() for s in starts} == {time(18, 0)}
    assert all(s.duration_minutes == 120 for s in class_.sessions.all())


def test_an_evening_class_stays_at_six_across_the_clock_change(make_cohort, settings):
    settings.TIME_ZONE = "America/New_York"
    # US clocks go back on Sunday 1 November 2026.
    class_ = make_cohort(term_start=date(2026, 10, 26), term_end=date(2026, 11, 6))
    starts = [local(s) for s in class_.sessions.all()]
    assert {s.time() for s in starts} == {time(18, 0)}
    offsets = {s.date(): s.utcoffset() for s in starts}
    assert offsets[date(2026, 10, 28)] == timedelta(hours=-4)
    assert offsets[date(2026, 11, 2)] == timedelta(hours=-5)


def test_a_teacher_moves_a_session_and_gives_it_a_topic(a_class, teacher):
    session = a_class.sessions.first()
    change_session(
        session,
        day=date(2026, 9, 8),
        at=time(17, 30),
        duration_minutes=90,
        by=teacher,
        topic="Phone calls",
        link="https://meet.example.org/extra",
    )
    session.refresh_from_db()
    assert local(session).date() == date(2026, 9, 8)
    assert local(session).time() == time(17, 30)
    assert session.ends_at - session.starts_at == timedelta(minutes=90)
    assert session.meeting_link == "https://meet.example.org/extra"


@pytest.mark.parametrize(
    ("day", "at", "minutes", "message"),
    [
        (date(2027, 1, 4), time(18, 0), 120, "within the term"),
        (date(2026, 9, 9), time(17, 0), 120, "Another session"),
        (date(2026, 9, 8), time(18, 0), 0, "between 1 and"),
        (date(2026, 9, 8), time(18, 0), 9000, "between 1 and"),
        (date(2026, 3, 8), time(2, 30), 60, "does not exist"),
    ],
)
def test_a_session_moved_to_an_invalid_time_is_refused_and_unchanged(
    make_cohort, teacher, day, at, minutes, message
):
    class_ = make_cohort(teachers=[teacher], term_start=date(2026, 3, 2))
    session = class_.sessions.first()
    before = (session.starts_at, session.duration_minutes)
    with pytest.raises(ValidationError, match=message):
        change_session(session, day=day, at=at, duration_minutes=minutes, by=teacher)
    session.refresh_from_db()
    assert (session.starts_at, session.duration_minutes) == before


def test_a_teacher_adds_an_extra_session(a_class, teacher):
    extra = add_session(
        a_class, day=date(2026, 9, 12), at=time(10, 0), duration_minutes=60, by=teacher
    )
    assert not extra.from_schedule
    assert a_class.sessions.between(date(2026, 9, 12), date(2026, 9, 12)).get() == extra


def test_a_cancelled_session_is_not_upcoming(a_class, teacher):
    first = a_class.sessions.first()
    set_cancelled(first, True, by=teacher)
    before_term = first.starts_at - timedelta(days=1)
    assert a_class.sessions.upcoming(now=before_term).first() != first
    assert a_class.sessions.cancelled().get() == first
