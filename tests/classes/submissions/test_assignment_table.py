"""/classes/<id>/assignments/: every active student × every live assignment of the
class's level (its own packets and packets shared into it), with status and score."""

import re
import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from classes.enrollment import enroll, withdraw
from classes.models import Enrollment
from classes.submissions.services import save_draft
from learning.roles import Role
from packets.demo import ensure_levels
from packets.models import AssignmentPage, LevelSharedPacket
from tests import factories
from tests.classes.submissions.conftest import publish_assignment
from tests.factories import give_feedback, hand_in

pytestmark = pytest.mark.django_db


def table_url(cohort):
    return f"/classes/{cohort.pk}/assignments/"


def cells(page, student_name):
    """The text of each cell in the student's row, spaces squeezed."""
    heading = rf"<th scope=\"row\"><bdi>{student_name}</bdi></th>"
    row = re.search(rf"{heading}(.*?)</tr>", page, re.S).group(1)
    texts = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", text).split()) for text in texts]


def publish_packet(level, title):
    return factories.publish_packet(level, title, slug=f"p-{uuid.uuid4().hex[:6]}", number=9)


def test_each_student_and_assignment_shows_where_the_work_stands(
    login, classroom, assignments, bus_packet
):
    cohort, teacher, amina, ahmad = classroom
    overdue = publish_assignment(bus_packet, "written", title="Old homework", due_date=None)
    hand_in(amina, assignments["written"])
    save_draft(amina, assignments["photo"], "")
    give_feedback(teacher, hand_in(amina, assignments["quiz"]), "returned", score=7)
    give_feedback(teacher, hand_in(ahmad, assignments["written"]), "revision_requested")
    late = AssignmentPage.objects.get(pk=overdue.pk)
    late.due_date = timezone.localdate() - timedelta(days=2)
    hand_in(ahmad, late, now=late.due_at + timedelta(hours=1))
    page = login(teacher).get(table_url(cohort)).content.decode()
    # By due date, then title (the one without a date last): audio, photo, quiz, written, old.
    assert cells(page, "Amina Yusuf") == [
        "Not started",
        "Draft",
        "Returned 7",
        "Submitted",
        "Not started",
    ]
    assert cells(page, "Ahmad Rahimi") == [
        "Not started",
        "Not started",
        "Not started",
        "Revision requested",
        "Late",
    ]


def test_a_quiz_shows_its_own_score_until_the_teacher_gives_one(login, classroom, assignments):
    cohort, teacher, amina, _ahmad = classroom
    hand_in(amina, assignments["quiz"])  # one of two right: 5 of 10
    page = login(teacher).get(table_url(cohort)).content.decode()
    assert "Submitted 5" in cells(page, "Amina Yusuf")


def test_cells_with_handed_in_work_link_to_it(login, classroom, assignments):
    cohort, teacher, amina, _ahmad = classroom
    submission = hand_in(amina, assignments["written"])
    draft = save_draft(amina, assignments["photo"], "started")
    page = login(teacher).get(table_url(cohort)).content.decode()
    assert f'href="/submissions/{submission.pk}/"' in page
    assert f'href="/submissions/{draft.pk}/"' not in page


def test_packets_shared_into_the_level_count_and_other_levels_and_drafts_do_not(
    login, classroom, assignments
):
    cohort, teacher, _amina, _ahmad = classroom
    levels = ensure_levels()
    shared_packet = publish_packet(levels["level-3"], "Shared from level 3")
    publish_assignment(shared_packet, "written", title="Shared homework")
    LevelSharedPacket.objects.create(level=levels["level-2"], packet=shared_packet)
    other_packet = publish_packet(levels["level-4"], "Level 4 only")
    publish_assignment(other_packet, "written", title="Level 4 homework")
    unpublished = assignments["audio"]
    unpublished.unpublish()
    page = login(teacher).get(table_url(cohort)).content.decode()
    assert "Shared from level 3" in page and "Shared homework" in page
    assert "Level 4 homework" not in page
    assert "Audio homework" not in page
    assert "Written homework" in page


def test_withdrawn_students_are_not_listed(login, classroom, assignments):
    cohort, teacher, _amina, ahmad = classroom
    withdraw(Enrollment.objects.get(student=ahmad, cohort=cohort))
    page = login(teacher).get(table_url(cohort)).content.decode()
    assert "Amina Yusuf" in page and "Ahmad Rahimi" not in page


def test_a_level_without_assignments_says_so(login, classroom):
    cohort, teacher, _amina, _ahmad = classroom
    page = login(teacher).get(table_url(cohort)).content.decode()
    assert "No assignments are published for this level yet." in page


def test_the_table_keeps_the_student_column_in_view_on_a_phone(login, classroom, assignments):
    cohort, teacher, _amina, _ahmad = classroom
    page = login(teacher).get(table_url(cohort)).content.decode()
    assert '<div class="table-scroll"' in page
    assert "classes/review.css" in page


def test_the_class_page_links_to_the_table_and_queue_for_teachers_only(login, client, classroom):
    cohort, teacher, amina, _ahmad = classroom
    page = login(teacher).get(cohort.get_absolute_url()).content.decode()
    assert f'href="{table_url(cohort)}"' in page
    assert f'href="/classes/{cohort.pk}/submissions/"' in page
    client.logout()
    page = login(amina).get(cohort.get_absolute_url()).content.decode()
    assert table_url(cohort) not in page


def test_an_enrolled_student_is_refused(login, classroom):
    cohort, _teacher, amina, _ahmad = classroom
    assert login(amina).get(table_url(cohort)).status_code == 403


def test_a_student_or_teacher_of_another_class_gets_not_found(
    login, client, classroom, make_class, make_user
):
    cohort = classroom[0]
    outsider, other_teacher = make_user(Role.STUDENT), make_user(Role.TEACHER)
    make_class(teacher=other_teacher, students=[outsider], name="Morning")
    assert login(outsider).get(table_url(cohort)).status_code == 404
    client.logout()
    assert login(other_teacher).get(table_url(cohort)).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, classroom):
    response = client.get(table_url(classroom[0]))
    assert response["Location"].startswith("/accounts/login/")


def test_a_manager_opens_the_table(login, classroom, assignments, manager):
    assert login(manager).get(table_url(classroom[0])).status_code == 200


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_table_takes_the_same_number_of_queries_at_two_sizes(
    login, classroom, assignments, bus_packet, make_user
):
    cohort, teacher, amina, _ahmad = classroom
    levels = ensure_levels()
    shared = publish_packet(levels["level-3"], "Shared")
    LevelSharedPacket.objects.create(level=levels["level-2"], packet=shared)
    publish_assignment(shared, "written")
    hand_in(amina, assignments["written"])
    client = login(teacher)
    small = count_queries(client, table_url(cohort))
    second_packet = publish_packet(levels["level-2"], "Week 5")
    for kind in ("written", "quiz", "photo"):
        publish_assignment(second_packet, kind)
    for _number in range(5):
        student = make_user(Role.STUDENT)
        enroll(student, cohort)
        for kind in ("written", "quiz"):
            give_feedback(teacher, hand_in(student, assignments[kind]), "returned", score=5)
    assert count_queries(client, table_url(cohort)) == small
    assert small <= 10, small
