"""Issue 12, finding 1: no teacher takes over another teacher's student. Each
rule of classes/access.py through the real pages, and the chat's SQL copy held
to the same answers."""

import itertools

import pytest
from django.contrib.auth import get_user_model

from classes.access import can_teach, is_enrolled, may_reset_password, refusal_to_add
from classes.attendance import Mark, take_attendance
from classes.chat.rooms import group_room, main_room, room_access
from classes.enrollment import enroll, withdraw
from classes.models import BreakoutGroup, Enrollment, EnrollmentStatus, JoinRequest, Session
from learning.roles import Role


@pytest.fixture
def other_teacher(make_user):
    return make_user(Role.TEACHER, display_name="Omar Haddad")


@pytest.fixture
def other_class(make_cohort, other_teacher):
    return make_cohort(teachers=[other_teacher], name="Morning Level 2")


def enrollment_of(student, class_):
    return Enrollment.objects.get(student=student, cohort=class_)


def test_teacher_cannot_add_a_student_of_another_teachers_class(
    login, a_class, other_class, other_teacher, enrolled
):
    amina = enrolled(class_=a_class)
    client = login(other_teacher)
    response = client.post(
        f"/classes/{other_class.pk}/students/add/", {"username": amina.username, "token": "t1"}
    )
    assert response.status_code == 400
    assert "Ask a manager to move them" in response.content.decode()
    assert not Enrollment.objects.filter(student=amina, cohort=other_class).exists()


def test_teacher_cannot_give_a_new_password_to_a_student_shared_with_another_teacher(
    login, a_class, other_class, other_teacher, enrolled
):
    amina = enrolled(class_=a_class)
    enroll(amina, other_class)  # a manager's doing: she is in both classes
    old_hash = amina.password
    client = login(other_teacher)
    url = f"/classes/{other_class.pk}/students/{enrollment_of(amina, other_class).pk}/password/"
    response = client.post(url, follow=True)
    assert "ask a manager" in response.content.decode()
    amina.refresh_from_db()
    assert amina.password == old_hash
    assert client.get(f"/classes/{other_class.pk}/").content.decode().count("/password/") == 0


def test_the_takeover_of_the_finding_fails_at_every_step(
    login, client, a_class, other_class, other_teacher, enrolled
):
    """Add the other teacher's student, reset their password, sign in as them."""
    amina = enrolled(class_=a_class)
    login(other_teacher)
    client.post(
        f"/classes/{other_class.pk}/students/add/", {"username": amina.username, "token": "t2"}
    )
    assert not Enrollment.objects.filter(student=amina, cohort=other_class).exists()
    assert not may_reset_password(other_teacher, amina)


def test_teacher_adds_a_student_who_is_in_no_other_active_class(
    login, a_class, other_class, other_teacher, enrolled
):
    amina = enrolled(class_=a_class)
    withdraw(enrollment_of(amina, a_class))
    response = login(other_teacher).post(
        f"/classes/{other_class.pk}/students/add/", {"username": amina.username, "token": "t3"}
    )
    assert response.status_code == 302
    assert enrollment_of(amina, other_class).is_active


def test_manager_moves_a_student_between_teachers_classes(
    login, manager, a_class, other_class, enrolled
):
    amina = enrolled(class_=a_class)
    response = login(manager).post(
        f"/classes/{other_class.pk}/students/add/",
        {"username": amina.username, "move": "on", "token": "t4"},
    )
    assert response.status_code == 302
    assert enrollment_of(amina, other_class).is_active
    assert enrollment_of(amina, a_class).status == EnrollmentStatus.WITHDRAWN


def test_teacher_resets_the_password_of_their_own_student_after_confirming(
    login, a_class, teacher, enrolled
):
    amina = enrolled(class_=a_class)
    url = f"/classes/{a_class.pk}/students/{enrollment_of(amina, a_class).pk}/password/"
    client = login(teacher)
    old_hash = amina.password
    confirm = client.get(url)
    assert confirm.status_code == 200 and "Make a new password" in confirm.content.decode()
    amina.refresh_from_db()
    assert amina.password == old_hash  # asking is not doing
    assert "Print or copy these cards now" in client.post(url).content.decode()
    amina.refresh_from_db()
    assert amina.password != old_hash


def test_managers_reset_any_students_password(manager, a_class, other_class, enrolled):
    amina = enrolled(class_=a_class, email="amina@example.org")
    enroll(amina, other_class)
    assert may_reset_password(manager, amina)


def test_withdrawal_asks_first_and_can_be_undone(login, a_class, teacher, enrolled):
    amina = enrolled(class_=a_class)
    enrollment = enrollment_of(amina, a_class)
    client = login(teacher)
    url = f"/classes/{a_class.pk}/students/{enrollment.pk}/withdraw/"
    assert "Withdraw Student" in client.get(url).content.decode()
    assert enrollment_of(amina, a_class).is_active
    page = client.post(url, follow=True).content.decode()
    assert enrollment_of(amina, a_class).status == EnrollmentStatus.WITHDRAWN
    assert "Undo" in page
    client.post(f"/classes/{a_class.pk}/students/{enrollment.pk}/enroll-again/")
    assert enrollment_of(amina, a_class).is_active


def test_undo_is_refused_once_the_student_is_in_another_teachers_class(
    login, a_class, other_class, teacher, enrolled
):
    amina = enrolled(class_=a_class)
    withdraw(enrollment_of(amina, a_class))
    enroll(amina, other_class)
    client = login(teacher)
    enrollment = enrollment_of(amina, a_class)
    page = client.post(
        f"/classes/{a_class.pk}/students/{enrollment.pk}/enroll-again/", follow=True
    ).content.decode()
    assert "another teacher" in page
    assert enrollment_of(amina, a_class).status == EnrollmentStatus.WITHDRAWN


def test_code_for_a_class_of_another_level_waits_for_the_teacher(
    login, client, a_class, teacher, make_cohort, make_level, make_user, enrolled
):
    amina = enrolled(class_=a_class)
    level_4 = make_level(slug="level-4", title="Level 4")
    higher = make_cohort(teachers=[teacher], level=level_4, name="Level 4 evenings")
    login(amina)
    response = client.post("/classes/join/", {"code": higher.join_code}, follow=True)
    assert "will let you in soon" in response.content.decode()
    assert not is_enrolled(amina, higher)
    assert client.get(f"/classes/{higher.pk}/").status_code == 404
    assert "waiting for your teacher" in client.get("/").content.decode()

    join_request = JoinRequest.objects.get(student=amina, cohort=higher)
    client.logout()
    login(teacher)
    assert "Asking to join" in client.get(f"/classes/{higher.pk}/").content.decode()
    client.post(f"/classes/{higher.pk}/join-requests/{join_request.pk}/", {"answer": "approve"})
    assert is_enrolled(amina, higher)


def test_a_declined_request_opens_nothing(
    login, client, a_class, other_teacher, make_cohort, make_level, enrolled
):
    amina = enrolled(class_=a_class)
    higher = make_cohort(teachers=[other_teacher], level=make_level(slug="l4", title="L4"))
    login(amina)
    client.post("/classes/join/", {"code": higher.join_code})
    join_request = JoinRequest.objects.get(student=amina)
    client.logout()
    client.force_login(other_teacher)
    client.post(f"/classes/{higher.pk}/join-requests/{join_request.pk}/", {"answer": "decline"})
    assert not Enrollment.objects.filter(student=amina, cohort=higher).exists()


def test_teacher_cannot_answer_another_classes_join_request(
    login, client, a_class, other_teacher, make_cohort, make_level, enrolled
):
    amina = enrolled(class_=a_class)
    higher = make_cohort(teachers=[], level=make_level(slug="l5", title="L5"))
    login(amina)
    client.post("/classes/join/", {"code": higher.join_code})
    join_request = JoinRequest.objects.get(student=amina)
    client.logout()
    login(other_teacher)
    url = f"/classes/{higher.pk}/join-requests/{join_request.pk}/"
    assert client.post(url, {"answer": "approve"}).status_code == 404
    assert not is_enrolled(amina, higher)


def test_student_with_no_class_joins_any_level_at_once(login, client, student, a_class):
    login(student)
    client.post("/classes/join/", {"code": a_class.join_code})
    assert is_enrolled(student, a_class)


def attend(class_, student, teacher):
    session = Session.objects.filter(cohort=class_).order_by("starts_at").first()
    take_attendance(session, {student.pk: Mark("present", 120)}, by=teacher)


def test_records_show_a_teacher_only_the_classes_they_taught(
    login, client, a_class, other_class, teacher, other_teacher, enrolled
):
    amina = enrolled(class_=a_class)
    attend(a_class, amina, teacher)
    withdraw(enrollment_of(amina, a_class))
    enroll(amina, other_class)
    attend(other_class, amina, other_teacher)
    login(teacher)
    for url in (f"/records/students/{amina.pk}/", f"/records/students/{amina.pk}/participation/"):
        page = client.get(url).content.decode()
        assert a_class.name in page, url
        assert other_class.name not in page, url
    export = client.get("/records/exports/students.csv?start=2026-09-01&end=2026-12-31")
    assert other_class.name not in export.getvalue().decode("utf-8-sig")


# The chat's per-message SQL states who may read a room again, for speed: it must
# give the same answers as the Python rules for every kind of person.


@pytest.fixture
def people_and_rooms(make_user, a_class, teacher, other_teacher, enrolled):
    inactive = enrolled(class_=a_class)
    inactive.is_active = False
    inactive.save()
    withdrawn = enrolled(class_=a_class)
    withdraw(enrollment_of(withdrawn, a_class))
    completed = enrolled(class_=a_class)
    Enrollment.objects.filter(student=completed).update(status=EnrollmentStatus.COMPLETED)
    member, outsider = enrolled(class_=a_class), enrolled(class_=a_class)
    asking = make_user(Role.STUDENT)
    JoinRequest.objects.create(student=asking, cohort=a_class)
    group = BreakoutGroup.objects.create(cohort=a_class, name="G1", opened_by=teacher)
    group.members.set([member, withdrawn])
    people = [
        make_user(Role.MANAGER),
        teacher,
        other_teacher,
        member,
        outsider,
        withdrawn,
        completed,
        inactive,
        asking,
        make_user(Role.STUDENT),
    ]
    return people, [main_room(a_class), group_room(group)]


def python_rule(user, room):
    user = get_user_model().objects.get(pk=user.pk)
    teaching = can_teach(user, room.cohort)
    in_group = room.group_id is None or room.group.members.filter(pk=user.pk).exists()
    return teaching or (is_enrolled(user, room.cohort) and in_group), teaching


def test_chat_sql_agrees_with_the_access_rules(people_and_rooms):
    people, rooms = people_and_rooms
    for user, room in itertools.product(people, rooms):
        access = room_access(get_user_model().objects.get(pk=user.pk), room)
        assert (access.readable, access.teaching) == python_rule(user, room), (user, room)


def test_refusal_to_add_names_every_rule(
    a_class, other_class, other_teacher, teacher, enrolled, make_user
):
    amina = enrolled(class_=a_class)
    assert refusal_to_add(teacher, a_class, amina) is None  # already their own student
    assert "another teacher" in refusal_to_add(other_teacher, other_class, amina)
    assert "Only the class's teachers" in refusal_to_add(other_teacher, a_class, amina)
    assert "Only students" in refusal_to_add(teacher, a_class, make_user(Role.TEACHER))
