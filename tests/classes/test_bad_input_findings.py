"""Issue 12, findings 5 and 7: each bad input that gave a 500 (or unbounded work)
is a 400 or 404 with a clear message, through the real views, and saves nothing."""

import pytest

from classes.models import Attendance, BreakoutGroup, Class, Session
from learning.roles import Role

SUPERSCRIPT_TWO = "²"  # isdigit() is true, int() refuses it
ARABIC_THREE = "٣"  # a decimal digit int() accepts: still not an ASCII id
HUGE = "9" * 23


@pytest.fixture
def teacher_client(login, classroom):
    cohort, teacher, _amina, _ahmad = classroom
    return login(teacher), cohort


def test_chat_page_after_with_unicode_digits_is_a_400(login, classroom):
    cohort, _teacher, amina, _ahmad = classroom
    client = login(amina)
    for value in (SUPERSCRIPT_TWO, ARABIC_THREE, HUGE, "-1"):
        response = client.get(f"/classes/{cohort.pk}/chat/?after={value}")
        assert response.status_code == 400, value
        assert "That link is broken" in response.content.decode()


def test_roll_with_unicode_digit_ids_is_a_400_and_saves_nothing(teacher_client):
    client, cohort = teacher_client
    session = Session.objects.filter(cohort=cohort).order_by("starts_at").first()
    url = f"/classes/{cohort.pk}/sessions/{session.pk}/attendance/"
    for form in (
        {f"status-{SUPERSCRIPT_TWO}": "present"},
        {f"status-{HUGE}": "present"},
        {"status-1": "present", "minutes-1": SUPERSCRIPT_TWO},
    ):
        response = client.post(url, form)
        assert response.status_code == 400, form
    assert not Attendance.objects.exists()


def test_breakout_group_numbers_in_unicode_digits_are_a_400(teacher_client, classroom):
    client, cohort = teacher_client
    _cohort, _teacher, amina, ahmad = classroom
    form = {"action": "assign", f"group-{amina.pk}": SUPERSCRIPT_TWO, f"group-{ahmad.pk}": HUGE}
    response = client.post(f"/classes/{cohort.pk}/breakouts/", form)
    assert response.status_code == 400
    assert "Put students in groups first" in response.content.decode()
    assert not BreakoutGroup.objects.exists()


@pytest.mark.parametrize(
    "query",
    [
        "end=9999-12-31",
        "start=0001-01-01",
        f"level={HUGE}",
        f"class={HUGE}",
        f"level={SUPERSCRIPT_TWO}",
        "start=1026-01-01&end=2026-12-01",
        "start=2020-01-01&end=2026-12-01",
    ],
)
def test_records_filters_out_of_range_are_a_400(login, manager, query):
    client = login(manager)
    page = client.get(f"/records/?{query}")
    assert page.status_code == 400, query
    export = client.get(f"/records/exports/attendance.csv?{query}")
    assert export.status_code == 400, query


def test_a_period_longer_than_two_years_is_refused_with_its_reason(login, manager, classroom):
    cohort, *_people = classroom
    response = login(manager).get(f"/records/classes/{cohort.pk}/?start=2020-01-01&end=2026-12-01")
    assert response.status_code == 400
    assert "at most 731 days" in response.content.decode()


def test_two_years_exactly_is_allowed(login, manager):
    assert login(manager).get("/records/?start=2024-12-02&end=2026-12-01").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        f"/records/levels/{HUGE}/",
        f"/records/classes/{HUGE}/",
        f"/records/students/{HUGE}/",
        f"/classes/{HUGE}/",
        f"/classes/{HUGE}/chat/",
        f"/submissions/{HUGE}/",
    ],
)
def test_ids_too_large_for_the_database_are_not_found(login, manager, url):
    assert login(manager).get(url).status_code == 404


def test_a_session_in_year_9999_is_a_form_error(teacher_client):
    client, cohort = teacher_client
    form = {"day": "9999-12-31", "at": "18:00", "duration_minutes": "60"}
    response = client.post(f"/classes/{cohort.pk}/sessions/add/", form)
    assert response.status_code in (200, 400)
    assert "Enter a date between 2000-01-01 and 2099-12-31" in response.content.decode()
    assert not Session.objects.filter(starts_at__year__gt=2100).exists()


def test_a_term_in_year_9999_is_a_form_error(login, make_user, level):
    teacher = make_user(Role.TEACHER)
    form = {
        "name": "Far future",
        "level": level.pk,
        "teachers": [teacher.pk, HUGE],
        "term_start": "9999-12-01",
        "term_end": "9999-12-31",
        "meeting_days": ["1"],
        "start_time": "18:00",
        "duration_minutes": "120",
        "mode": "online",
    }
    response = login(teacher).post("/classes/new/", form)
    assert response.status_code == 400
    assert not Class.objects.exists()
