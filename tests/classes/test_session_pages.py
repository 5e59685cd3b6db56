from django.utils import timezone


def test_a_teacher_moves_a_session_with_a_topic(login, a_class, teacher):
    session = a_class.sessions.first()
    form = {
        "day": "2026-09-08",
        "at": "17:00",
        "duration_minutes": "90",
        "topic": "At the bank",
        "link": "",
    }
    response = login(teacher).post(f"/classes/{a_class.pk}/sessions/{session.pk}/", form)
    assert response.status_code == 302
    session.refresh_from_db()
    assert timezone.localtime(session.starts_at).strftime("%Y-%m-%d %H:%M") == "2026-09-08 17:00"
    assert session.topic == "At the bank"


def test_a_move_outside_the_term_is_refused_and_kept(login, a_class, teacher):
    session = a_class.sessions.first()
    before = session.starts_at
    form = {"day": "2030-01-01", "at": "17:00", "duration_minutes": "90"}
    page = (
        login(teacher).post(f"/classes/{a_class.pk}/sessions/{session.pk}/", form).content.decode()
    )
    assert "Sessions must be within the term" in page
    session.refresh_from_db()
    assert session.starts_at == before


def test_a_teacher_cancels_and_restores_a_session(login, a_class, teacher):
    session = a_class.sessions.first()
    client = login(teacher)
    client.post(f"/classes/{a_class.pk}/sessions/{session.pk}/cancel/")
    session.refresh_from_db()
    assert session.cancelled
    client.post(f"/classes/{a_class.pk}/sessions/{session.pk}/cancel/", {"cancelled": "no"})
    session.refresh_from_db()
    assert not session.cancelled


def test_a_teacher_adds_a_session(login, a_class, teacher):
    count = a_class.sessions.count()
    form = {"day": "2026-09-12", "at": "10:00", "duration_minutes": "60", "topic": "Review"}
    assert login(teacher).post(f"/classes/{a_class.pk}/sessions/add/", form).status_code == 302
    assert a_class.sessions.count() == count + 1


def test_a_student_cannot_cancel_a_session(login, a_class, enrolled):
    session = a_class.sessions.first()
    assert (
        login(enrolled()).post(f"/classes/{a_class.pk}/sessions/{session.pk}/cancel/").status_code
        == 403
    )
    session.refresh_from_db()
    assert not session.cancelled
