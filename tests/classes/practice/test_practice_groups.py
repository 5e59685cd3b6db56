"""Students' own practice groups through their pages: making one, inviting only
classmates, answering invitations from the home page, limits, closing, removing."""

import pytest

from classes.chat.rooms import CLOSED
from classes.chat.services import send_message
from classes.models import MembershipStatus, PracticeGroup, PracticeMembership
from classes.practice import services
from classes.practice.rooms import practice_room
from learning.roles import Role

pytestmark = pytest.mark.django_db


def status_of(group, student):
    return PracticeMembership.objects.get(group=group, student=student).status


def test_a_student_starts_a_group_and_reads_who_can_see_it(client, school):
    client.force_login(school.amina)
    response = client.post(
        "/practice/new/",
        {"name": "Interview club", "kind": "interview", "weekday": "3", "meets_at": "19:00"},
    )
    group = PracticeGroup.objects.get(name="Interview club")
    assert response.status_code == 302 and response["Location"] == f"/practice/{group.pk}/"
    page = client.get(f"/practice/{group.pk}/").content.decode()
    assert "Your teachers can see that this group exists and who is in it" in page
    assert status_of(group, school.amina) == MembershipStatus.ACCEPTED


def test_a_form_without_a_name_is_a_400_that_says_so(client, school):
    client.force_login(school.amina)
    response = client.post("/practice/new/", {"name": "", "kind": "interview"})
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()


@pytest.mark.parametrize("who", ["teacher_a", "manager"])
def test_teachers_and_managers_do_not_start_groups(client, school, who):
    client.force_login(getattr(school, who))
    assert client.get("/practice/new/").status_code == 403


def test_a_student_in_no_class_cannot_start_a_group(client, make_user):
    client.force_login(make_user(Role.STUDENT))
    assert client.post("/practice/new/", {"name": "x", "kind": "interview"}).status_code == 403


def test_only_classmates_can_be_invited(client, school, group):
    client.force_login(school.amina)
    response = client.post(f"/practice/{group.pk}/invite/", {"students": [school.omar.pk]})
    assert response.status_code == 400
    assert "only students who are in a class with you" in response.content.decode()
    assert not PracticeMembership.objects.filter(group=group, student=school.omar).exists()


def test_the_invite_form_lists_classmates_only(client, school):
    group = services.create_group(school.amina, "Talk club", "conversation")
    client.force_login(school.amina)
    page = client.get(f"/practice/{group.pk}/").content.decode()
    assert "Ahmad" in page and "Layla" in page and "Omar" not in page


def test_service_refuses_a_non_classmate_with_a_clear_reason(school, group):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="in a class with you"):
        services.invite(school.amina, group, [school.omar.pk])


@pytest.mark.parametrize("bad", ["abc", "-1", "99999999999999999999", ""])
def test_bad_invite_ids_are_a_400(client, school, group, bad):
    client.force_login(school.amina)
    assert client.post(f"/practice/{group.pk}/invite/", {"students": [bad]}).status_code == 400


def test_an_invitation_shows_on_the_home_page_and_is_accepted_without_javascript(client, school):
    group = services.create_group(school.amina, "Talk club", "conversation")
    services.invite(school.amina, group, [school.ahmad.pk])
    client.force_login(school.ahmad)
    home = client.get("/").content.decode()
    assert f'action="/practice/{group.pk}/accept/"' in home
    assert client.get(f"/practice/{group.pk}/").status_code == 404  # not yet a member
    response = client.post(f"/practice/{group.pk}/accept/")
    assert response["Location"] == f"/practice/{group.pk}/"
    assert client.get(f"/practice/{group.pk}/").status_code == 200
    assert "Talk club" in client.get("/").content.decode()


def test_a_declined_invitation_leaves_the_student_out(client, school):
    group = services.create_group(school.amina, "Talk club", "conversation")
    services.invite(school.amina, group, [school.ahmad.pk])
    client.force_login(school.ahmad)
    assert client.post(f"/practice/{group.pk}/decline/").status_code == 302
    assert status_of(group, school.ahmad) == MembershipStatus.DECLINED
    assert client.get(f"/practice/{group.pk}/").status_code == 404
    assert client.post(f"/practice/{group.pk}/accept/").status_code == 404  # nothing to accept


def test_an_invitation_to_a_group_closed_since_is_a_400(client, school):
    group = services.create_group(school.amina, "Talk club", "conversation")
    services.invite(school.amina, group, [school.ahmad.pk])
    services.close_group(school.amina, group)
    client.force_login(school.ahmad)
    response = client.post(f"/practice/{group.pk}/accept/")
    assert response.status_code == 400
    assert "closed" in response.content.decode()


def test_members_chat_through_the_page(client, school, group):
    client.force_login(school.ahmad)
    client.post(f"/practice/{group.pk}/", {"text": "Hello club", "client_id": "c1"})
    client.force_login(school.layla)
    assert "Hello club" in client.get(f"/practice/{group.pk}/").content.decode()


@pytest.mark.parametrize("who", ["teacher_a", "teacher_b", "manager", "omar"])
def test_nobody_but_members_reads_or_posts_on_the_page(client, school, group, who):
    send_message(school.amina, practice_room(group), "Private practice", "c1")
    client.force_login(getattr(school, who))
    assert client.get(f"/practice/{group.pk}/").status_code == 404
    response = client.post(f"/practice/{group.pk}/", {"text": "hi", "client_id": "c2"})
    assert response.status_code == 404
    assert practice_room(group).messages.count() == 1


def test_a_closed_group_is_read_only(client, school, group):
    send_message(school.amina, practice_room(group), "Before", "c1")
    client.force_login(school.amina)
    client.post(f"/practice/{group.pk}/close/")
    group.refresh_from_db()
    assert not group.is_open
    page = client.get(f"/practice/{group.pk}/").content.decode()
    assert "Before" in page and "This group is closed" in page
    assert send_message(school.ahmad, practice_room(group), "After", "c2")[0] == CLOSED
    response = client.post(f"/practice/{group.pk}/invite/", {"students": [school.ahmad.pk]})
    assert response.status_code == 400


def test_only_the_creator_removes_closes_and_invites(client, school, group):
    client.force_login(school.ahmad)
    invite = client.post(f"/practice/{group.pk}/invite/", {"students": [school.amina.pk]})
    assert invite.status_code == 403
    remove = f"/practice/{group.pk}/members/{school.layla.pk}/remove/"
    assert client.post(remove).status_code == 403
    assert client.post(f"/practice/{group.pk}/close/").status_code == 403
    client.force_login(school.amina)
    assert client.post(remove).status_code == 302
    client.force_login(school.layla)
    assert client.get(f"/practice/{group.pk}/").status_code == 404


def test_removing_someone_not_in_the_group_is_a_400(client, school, group):
    client.force_login(school.amina)
    response = client.post(f"/practice/{group.pk}/members/{school.omar.pk}/remove/")
    assert response.status_code == 400
    assert "not in this group" in response.content.decode()


def test_a_group_has_at_most_twelve_members_and_invitations(make_class, make_user, school):
    students = [make_user(Role.STUDENT) for _ in range(12)]
    make_class(students=[school.amina, *students], name="Big")
    group = services.create_group(school.amina, "Big club", "conversation")
    services.invite(school.amina, group, [s.pk for s in students[:11]])
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="at most 12"):
        services.invite(school.amina, group, [students[11].pk])


def test_a_student_is_in_at_most_ten_open_groups(client, school):
    for number in range(10):
        services.create_group(school.amina, f"Club {number}", "conversation")
    client.force_login(school.amina)
    response = client.post("/practice/new/", {"name": "One more", "kind": "conversation"})
    assert response.status_code == 400
    assert "10 open practice groups" in response.content.decode()
    services.close_group(school.amina, PracticeGroup.objects.get(name="Club 0"))
    assert (
        client.post("/practice/new/", {"name": "One more", "kind": "conversation"}).status_code
        == 302
    )


def test_a_student_who_left_every_class_no_longer_reads_the_group(client, school, group):
    from classes.enrollment import withdraw
    from classes.models import Enrollment

    withdraw(Enrollment.objects.get(student=school.ahmad, cohort=school.class_a))
    client.force_login(school.ahmad)
    assert client.get(f"/practice/{group.pk}/").status_code == 404


def test_an_invitation_is_a_notice_for_the_invited_classmate_only(client, school):
    from classes.models import Notice, NoticeKind

    group = services.create_group(school.amina, "Talk club", "conversation")
    services.invite(school.amina, group, [school.ahmad.pk])
    notices = Notice.objects.filter(kind=NoticeKind.PRACTICE_INVITATION)
    assert [(n.recipient_id, n.params["group"]) for n in notices] == [
        (school.ahmad.pk, "Talk club")
    ]
    client.force_login(school.ahmad)
    assert "Talk club" in client.get("/notices/").content.decode()


def test_a_member_leaves_and_the_creator_is_told_to_close_instead(client, school, group):
    client.force_login(school.ahmad)
    page = client.get(f"/practice/{group.pk}/").content.decode()
    assert f'action="/practice/{group.pk}/leave/"' in page
    assert client.post(f"/practice/{group.pk}/leave/").status_code == 302
    assert status_of(group, school.ahmad) == MembershipStatus.LEFT
    assert client.get(f"/practice/{group.pk}/").status_code == 404
    client.force_login(school.amina)
    response = client.post(f"/practice/{group.pk}/leave/")
    assert response.status_code == 400
    assert "close it instead" in response.content.decode()


def test_a_student_in_no_class_is_not_offered_a_group_they_cannot_start(client, make_user):
    loner = make_user(Role.STUDENT, display_name="Nadia")
    client.force_login(loner)
    home = client.get("/").content.decode()
    assert 'href="/practice/new/"' not in home
    assert "Join a class first" in home
