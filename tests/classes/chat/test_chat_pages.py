"""The chat page without JavaScript, and the teachers' moderation pages."""

import pytest

from classes.chat import services
from classes.chat.rooms import main_room
from classes.models import BreakoutGroup, EnrollmentStatus, Message, Mute, Report
from learning.roles import Role


@pytest.fixture
def chat(classroom):
    cohort, teacher, amina, ahmad = classroom
    return cohort, main_room(cohort), teacher, amina, ahmad


def url(cohort, rest="chat/"):
    return f"/classes/{cohort.pk}/{rest}"


def test_a_student_reads_the_last_messages_with_script_shown_as_text(chat, login):
    cohort, room, _teacher, amina, ahmad = chat
    services.post_message(ahmad, room, "<script>alert('hi')</script>", "x-1")
    page = login(amina).get(url(cohort)).content.decode()
    assert "&lt;script&gt;alert(&#x27;hi&#x27;)&lt;/script&gt;" in page
    assert "<script>alert" not in page
    assert "Ahmad Rahimi" in page and ahmad.username not in page


def test_posting_without_javascript_saves_once_per_form(chat, login):
    cohort, _room, _teacher, amina, _ahmad = chat
    client = login(amina)
    for _attempt in range(2):  # a double tap sends the same form twice
        response = client.post(url(cohort), {"text": "I am late today", "client_id": "form-1"})
        assert response.status_code == 302
    assert list(Message.objects.values_list("text", flat=True)) == ["I am late today"]


def test_an_empty_message_gets_a_clear_message_and_saves_nothing(chat, login):
    cohort, *_rest = chat
    client = login(chat[3])
    response = client.post(url(cohort), {"text": "   ", "client_id": "form-2"}, follow=True)
    assert "Write" in response.content.decode()
    assert not Message.objects.exists()


def test_people_outside_the_class_cannot_open_its_chat(chat, client, make_user, login):
    cohort, *_rest = chat
    assert client.get(url(cohort)).status_code == 302  # anonymous: sign in first
    for outsider in (make_user(Role.STUDENT), make_user(Role.TEACHER)):
        assert login(outsider).get(url(cohort)).status_code == 404
        client.post("/accounts/logout/")


def test_a_withdrawn_student_loses_the_chat(chat, login):
    cohort, _room, _teacher, amina, _ahmad = chat
    cohort.enrollments.filter(student=amina).update(status=EnrollmentStatus.WITHDRAWN)
    assert login(amina).get(url(cohort)).status_code == 404


def test_load_newer_shows_what_came_after_and_a_broken_link_is_explained(chat, login):
    cohort, room, _teacher, amina, ahmad = chat
    for n in range(3):
        services.post_message(ahmad, room, f"number {n}", f"n-{n}")
    client = login(amina)
    page = client.get(url(cohort) + "?after=2").content.decode()
    assert "number 2" in page and "number 1" not in page
    broken = client.get(url(cohort) + "?after=yesterday")
    assert broken.status_code == 400
    assert "That link is broken" in broken.content.decode()


def test_the_chat_page_costs_the_same_queries_for_few_or_many_messages(
    chat, login, django_assert_max_num_queries
):
    cohort, room, _teacher, amina, ahmad = chat
    client = login(amina)
    services.post_message(ahmad, room, "one", "q-0")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url(cohort))
    for n in range(1, 60):
        services.post_message(ahmad if n % 2 else amina, room, f"m {n}", f"q-{n}")
    with django_assert_max_num_queries(len(few)):
        client.get(url(cohort))


def test_a_students_chat_page_is_nine_queries(chat, login, django_assert_num_queries):
    """Session, user, class, room, access, roles, messages, pinned phrase, groups:
    the room keeps the class it was found with (no second query for it)."""
    cohort, room, _teacher, amina, ahmad = chat
    services.post_message(ahmad, room, "one", "q-0")
    client = login(amina)
    client.get(url(cohort))
    with django_assert_num_queries(9):
        client.get(url(cohort))


def test_a_teacher_removes_a_message_and_a_student_cannot(chat, login, client):
    cohort, room, teacher, amina, ahmad = chat
    message, _ = services.post_message(ahmad, room, "spam", "s-1")
    delete = url(cohort, f"chat/messages/{message.pk}/delete/")
    assert login(amina).post(delete).status_code == 403
    client.post("/accounts/logout/")
    assert login(teacher).post(delete).status_code == 302
    assert Message.objects.get(pk=message.pk).is_deleted
    assert "spam" not in client.get(url(cohort)).content.decode()


def test_a_student_reports_and_the_teacher_sees_the_report(chat, login, client):
    cohort, room, teacher, amina, ahmad = chat
    message, _ = services.post_message(ahmad, room, "not nice", "r-1")
    login(amina).post(url(cohort, f"chat/messages/{message.pk}/report/"))
    assert Report.objects.filter(message=message, reporter=amina).exists()
    assert client.get(url(cohort, "chat/reports/")).status_code == 403
    client.post("/accounts/logout/")
    page = login(teacher).get(url(cohort, "chat/reports/")).content.decode()
    assert "not nice" in page and "Reported by <bdi>Amina Yusuf</bdi>" in page


def test_a_teacher_pauses_a_student(chat, login):
    cohort, _room, teacher, _amina, ahmad = chat
    response = login(teacher).post(url(cohort, "chat/mute/"), {"student": ahmad.pk, "minutes": 60})
    assert response.status_code == 302
    assert Mute.objects.filter(student=ahmad, cohort=cohort).exists()


def test_a_teacher_opens_and_closes_breakout_groups(chat, login, client, make_user):
    cohort, _room, teacher, amina, _ahmad = chat
    for _n in range(4):
        cohort.enrollments.create(student=make_user(Role.STUDENT))
    assert login(amina).get(url(cohort, "breakouts/")).status_code == 403
    client.post("/accounts/logout/")
    login(teacher).post(url(cohort, "breakouts/"), {"action": "open", "size": "3"})
    assert BreakoutGroup.objects.filter(cohort=cohort).open().count() == 2
    client.post(url(cohort, "breakouts/"), {"action": "close"})
    assert not BreakoutGroup.objects.filter(cohort=cohort).open().exists()


def test_a_teacher_puts_students_in_groups_by_hand(chat, login, make_user):
    cohort, _room, teacher, amina, ahmad = chat
    third = make_user(Role.STUDENT)
    cohort.enrollments.create(student=third)
    client = login(teacher)
    page = client.get(url(cohort, "breakouts/")).content.decode()
    assert f'name="group-{amina.pk}"' in page
    form = {"action": "assign", f"group-{amina.pk}": "1", f"group-{ahmad.pk}": "1"}
    client.post(url(cohort, "breakouts/"), {**form, f"group-{third.pk}": ""})
    (group,) = BreakoutGroup.objects.filter(cohort=cohort)
    assert set(group.members.all()) == {amina, ahmad}
    alone = {"action": "assign", f"group-{third.pk}": "2"}
    response = client.post(url(cohort, "breakouts/"), alone, follow=True)
    assert "Each group needs 2 to 6 students." in response.content.decode()
    assert BreakoutGroup.objects.filter(cohort=cohort).count() == 1


def test_teachers_of_other_classes_cannot_moderate_this_one(chat, login, make_user):
    cohort, room, _teacher, amina, _ahmad = chat
    message, _ = services.post_message(amina, room, "hello", "o-1")
    client = login(make_user(Role.TEACHER))
    for path in (f"chat/messages/{message.pk}/delete/", "chat/mute/", "chat/phrase/"):
        assert (
            client.post(url(cohort, path), {"student": amina.pk, "minutes": 10}).status_code == 404
        )
    assert client.get(url(cohort, "chat/reports/")).status_code == 404
    assert client.get(url(cohort, "breakouts/")).status_code == 404
    assert not Message.objects.get(pk=message.pk).is_deleted
    assert not Mute.objects.exists()
