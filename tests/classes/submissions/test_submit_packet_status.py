"""A packet page shows a signed-in student where their work on each assignment
stands, outside the cached body, for one query whatever the number of assignments."""

from datetime import timedelta
from urllib.parse import urljoin

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from classes.models import Submission
from classes.submissions.services import Work, give_feedback, save_draft, submit_work
from packets.models import PacketPage
from tests.classes.submissions.conftest import (
    element,
    open_page,
    publish_assignment,
    token,
)
from tests.factories import publish_packet

pytestmark = pytest.mark.django_db


def test_a_student_sees_the_status_of_each_assignment(client, login, classroom, bus_packet):
    _cohort, teacher, amina, _ahmad = classroom
    written = publish_assignment(bus_packet, "written", title="Write about your bus")
    photo = publish_assignment(bus_packet, "photo", title="Worksheet photo")
    quiz = publish_assignment(bus_packet, "quiz", title="Bus quiz")
    overdue = publish_assignment(
        bus_packet,
        "written",
        title="Letter from last week",
        due_date=timezone.localdate() - timedelta(days=1),
    )
    submit_work(amina, written, Work(text="I take the 12."), token=token())
    give_feedback(teacher, Submission.objects.get(), token=token(), status="returned", text="Good.")
    save_draft(amina, photo, "")
    submit_work(amina, overdue, Work(text="Sorry."), token=token())
    login(amina)

    status = element(open_page(client, bus_packet), "my-work", "</section>")
    rows = {row.split("</a>")[0].split(">")[-1]: row for row in status.split("<li>")[1:]}
    assert "Returned" in rows["Write about your bus"]
    assert "New feedback" in rows["Write about your bus"]
    assert "Draft saved" in rows["Worksheet photo"]
    assert "Not handed in yet" in rows["Bus quiz"]
    link = rows["Bus quiz"].split('href="')[1].split('"')[0]
    assert urljoin(bus_packet.url, link) == quiz.url  # relative to the packet page
    assert "Submitted" in rows["Letter from last week"] and "late" in rows["Letter from last week"]


@pytest.mark.parametrize("who", ["teacher", "anonymous"])
def test_only_students_see_a_status_on_the_packet_page(client, login, classroom, assignments, who):
    _cohort, teacher, _amina, _ahmad = classroom
    bus_packet = PacketPage.objects.get(slug="bus")
    if who == "teacher":
        login(teacher)
    else:
        PageViewRestriction.objects.filter(page=bus_packet.get_parent()).delete()
    response = open_page(client, bus_packet)
    assert response.status_code == 200
    assert 'id="my-work"' not in response.content.decode()


def warm_query_count(client, page):
    open_page(client, page)  # fills the caches (the packet body, site root paths)
    with CaptureQueriesContext(connection) as queries:
        assert open_page(client, page).status_code == 200
    return len(queries)


def packet_with(level, slug, number):
    return publish_packet(level, f"Week {number}", slug=slug, number=number, summary="Work.")


def test_the_status_costs_the_same_queries_for_one_assignment_or_many(
    client, login, classroom, bus_packet
):
    _cohort, _teacher, amina, _ahmad = classroom
    level = bus_packet.get_parent()
    small, big = packet_with(level, "small", 5), packet_with(level, "big", 6)
    one = publish_assignment(small, "written")
    many = [publish_assignment(big, kind) for kind in ("written", "written", "quiz", "photo")]
    for assignment in [one, *many[:2]]:
        submit_work(amina, assignment, Work(text="Done."), token=token())
    login(amina)
    few = warm_query_count(client, small)
    assert warm_query_count(client, big) == few
    assert element(open_page(client, big), "my-work", "</section>").count("<li>") == 4
