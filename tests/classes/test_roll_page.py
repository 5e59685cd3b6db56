from datetime import timedelta

from django.utils import timezone

from classes.attendance import Mark, contact_hours, take_attendance
from classes.models import Attendance, AttendanceChange, Class
from classes.records.students import participation
from learning.roles import Role
from tests.pages import page_scripts


def roll_url(session):
    return f"/classes/{session.cohort_id}/sessions/{session.pk}/attendance/"


def test_everyone_starts_present_for_the_whole_session(login, a_class, enrolled, teacher):
    amina = enrolled(display_name="Amina")
    session = a_class.sessions.first()
    page = login(teacher).get(roll_url(session)).content.decode()
    assert f'name="status-{amina.pk}" value="present" checked' in page
    assert f'name="minutes-{amina.pk}" value="120"' in page
    assert page_scripts(page) == [] and 'style="' not in page


def test_one_submit_saves_the_whole_roll_and_twice_does_not_duplicate(
    login, a_class, enrolled, teacher
):
    amina, ahmad = enrolled(), enrolled()
    session = a_class.sessions.first()
    client = login(teacher)
    form = {
        f"status-{amina.pk}": "present",
        f"minutes-{amina.pk}": "120",
        f"status-{ahmad.pk}": "late",
        f"minutes-{ahmad.pk}": "80",
    }
    assert client.post(roll_url(session), form).status_code == 302
    assert client.post(roll_url(session), form).status_code == 302
    saved = dict(Attendance.objects.values_list("student_id", "minutes"))
    assert saved == {amina.pk: 120, ahmad.pk: 80}
    page = client.get(roll_url(session)).content.decode()
    assert f'name="status-{ahmad.pk}" value="late" checked' in page


def test_bad_minutes_redisplay_the_roll_and_change_nothing(login, a_class, enrolled, teacher):
    amina, ahmad = enrolled(), enrolled()
    session = a_class.sessions.first()
    take_attendance(session, {amina.pk: Mark("present", 120)}, by=teacher)
    form = {
        f"status-{amina.pk}": "late",
        f"minutes-{amina.pk}": "30",
        f"status-{ahmad.pk}": "present",
        f"minutes-{ahmad.pk}": "500",
    }
    response = login(teacher).post(roll_url(session), form)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Minutes must be between 0 and 120" in page
    assert f'name="minutes-{ahmad.pk}" value="500"' in page  # what was typed is kept
    assert list(Attendance.objects.values_list("student_id", "status")) == [(amina.pk, "present")]
    assert not AttendanceChange.objects.exists()


def test_words_for_minutes_are_refused(login, a_class, enrolled, teacher):
    amina = enrolled()
    session = a_class.sessions.first()
    form = {f"status-{amina.pk}": "present", f"minutes-{amina.pk}": "ten"}
    page = login(teacher).post(roll_url(session), form).content.decode()
    assert "Minutes must be a whole number." in page
    assert not Attendance.objects.exists()


def test_a_student_not_enrolled_is_refused(login, a_class, enrolled, teacher, make_user):
    amina, stranger = enrolled(), make_user(Role.STUDENT)
    session = a_class.sessions.first()
    form = {f"status-{amina.pk}": "present", f"status-{stranger.pk}": "present"}
    page = login(teacher).post(roll_url(session), form).content.decode()
    assert "not enrolled" in page
    assert not Attendance.objects.exists()


def test_saving_the_roll_for_thirty_students_is_a_constant_number_of_queries(
    login, a_class, enrolled, teacher, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    students = [enrolled() for _ in range(30)]
    client = login(teacher)
    second = a_class.sessions.all()[1]
    with CaptureQueriesContext(connection) as two:
        client.post(
            roll_url(a_class.sessions.first()), {f"status-{s.pk}": "present" for s in students[:2]}
        )
    with django_assert_max_num_queries(len(two)):
        response = client.post(roll_url(second), {f"status-{s.pk}": "present" for s in students})
    assert response.status_code == 302
    assert Attendance.objects.filter(session=second).count() == 30


def test_a_teacher_cannot_post_a_roll_for_another_class(
    login, make_cohort, make_user, enrolled, teacher
):
    other = make_cohort(teachers=[make_user(Role.TEACHER)])
    amina = enrolled(other)
    response = login(teacher).post(
        roll_url(other.sessions.first()), {f"status-{amina.pk}": "present"}
    )
    assert response.status_code == 404
    assert not Attendance.objects.exists()


def test_a_made_up_student_id_is_refused(login, a_class, enrolled, teacher):
    amina = enrolled()
    form = {f"status-{amina.pk}": "present", "status-abc": "present"}
    page = login(teacher).post(roll_url(a_class.sessions.first()), form).content.decode()
    assert "not enrolled" in page
    assert not Attendance.objects.exists()


def test_a_session_of_another_class_is_not_found_under_my_class(
    login, make_cohort, a_class, teacher
):
    other = make_cohort(name="Other")
    url = f"/classes/{a_class.pk}/sessions/{other.sessions.first().pk}/attendance/"
    assert login(teacher).get(url).status_code == 404


def test_no_roll_for_a_session_that_has_not_started(login, a_class, enrolled, teacher):
    """Issue 12: everyone pre-marked present added hours that never happened."""
    amina = enrolled()
    session = a_class.sessions.create(
        starts_at=timezone.now() + timedelta(hours=3), duration_minutes=150
    )
    client = login(teacher)
    page = client.get(roll_url(session)).content.decode()
    assert "has not started yet" in page and "Save attendance" not in page
    response = client.post(roll_url(session), {f"status-{amina.pk}": "present"})
    assert response.status_code == 400
    assert "has not started yet" in response.content.decode()
    assert not Attendance.objects.filter(session=session).exists()


def test_hours_pre_marked_before_a_session_do_not_count(a_class, enrolled, teacher):
    """Rows saved for a session still to come (older data) add no contact hours."""
    amina = enrolled()
    session = a_class.sessions.create(
        starts_at=timezone.now() + timedelta(hours=3), duration_minutes=150
    )
    Attendance.objects.create(
        session=session, student=amina, status="present", minutes=150, recorded_at=timezone.now()
    )
    assert contact_hours(student=amina) == 0
    assert participation(amina, Class.objects.all())[0].hours == 0
