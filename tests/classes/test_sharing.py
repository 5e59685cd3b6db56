"""A teacher's Share control (classes/sharing.py): a short message with the
page's link, into WhatsApp, SMS and Telegram, on packet, assignment and class
pages, for the teachers of the class or level only; and a packet on paper with
a QR code to its online page."""

from datetime import date
from urllib.parse import quote

import pytest
from django.test import Client

from classes.access import can_share_page
from classes.sharing import Share, assignment_share, class_share, packet_share
from learning.roles import Role
from packets.models import LevelSharedPacket
from tests.factories import publish_assignment, publish_packet

pytestmark = pytest.mark.django_db

HOST = "localhost"


@pytest.fixture
def published_packet(level):
    return publish_packet(level, "Week 3: At the clinic", number=3, summary="Appointments.")


@pytest.fixture
def assignment(published_packet):
    return publish_assignment(published_packet, title="Call the clinic", due_date=date(2026, 9, 14))


def read(user, url):
    client = Client()
    if user is not None:
        client.force_login(user)
    response = client.get(url, HTTP_HOST=HOST)
    return response.status_code, response.content.decode()


# --- The message and its links ---------------------------------------------------


def test_each_app_gets_the_message_and_link_url_encoded():
    share = Share("Homework: Q&A #2?", "https://harbor.example.org/level-2/week-3/?a=1&b=2")
    message = quote("Homework: Q&A #2? https://harbor.example.org/level-2/week-3/?a=1&b=2", "")
    assert share.whatsapp == f"https://wa.me/?text={message}"
    assert share.sms == f"sms:?body={message}"
    assert share.telegram == (
        "https://t.me/share/url?url=https%3A%2F%2Fharbor.example.org%2Flevel-2%2Fweek-3%2F"
        "%3Fa%3D1%26b%3D2&text=Homework%3A%20Q%26A%20%232%3F"
    )
    assert "+" not in share.whatsapp  # spaces as %20: some apps show a + as it is


def test_the_message_names_the_work_and_its_due_date_in_the_language_given(assignment):
    url = "https://harbor.example.org/x/"
    english = assignment_share(assignment, url, "en")
    assert english.text == "Homework: Call the clinic, due Monday 14 September"
    assert english.message.endswith(" https://harbor.example.org/x/")
    assert "14 septembre" in assignment_share(assignment, url, "fr").text
    arabic = assignment_share(assignment, url, "ar").text
    assert "سبتمبر" in arabic
    # The English title keeps its own direction inside a right-to-left message.
    assert "\u2068Call the clinic\u2069" in arabic


def test_packet_and_class_messages_carry_their_titles(published_packet, a_class):
    assert packet_share(published_packet, "u", "en").text == (
        "This week's packet: Week 3: At the clinic"
    )
    assert class_share(a_class, "u", "en").text == "Our class page: Evening Level 2"


# --- Who sees the Share control ----------------------------------------------------


def test_a_teacher_of_the_level_shares_the_packet_with_its_absolute_link(
    published_packet, a_class, teacher, student
):
    read(student, published_packet.url)  # the page is now in the cache
    status, page = read(teacher, published_packet.url)
    link = quote(
        f"This week's packet: Week 3: At the clinic http://{HOST}{published_packet.url}", ""
    )
    assert status == 200
    assert f'href="https://wa.me/?text={link}"' in page
    assert f'href="sms:?body={link}"' in page
    assert "https://t.me/share/url?url=" in page
    assert "data-share" in page and "classes/share.js" in page


@pytest.mark.parametrize("who", ["student", "visitor", "other_teacher"])
def test_students_visitors_and_teachers_of_other_levels_see_no_share_control(
    published_packet, assignment, a_class, teacher, student, make_user, make_level, make_cohort, who
):
    other = make_user(Role.TEACHER)
    make_cohort(teachers=[other], level=make_level(slug="level-5", title="Level 5"))
    user = {"student": student, "visitor": None, "other_teacher": other}[who]
    read(teacher, published_packet.url)  # a teacher's reading fills the cache first
    for url in (published_packet.url, assignment.url):
        status, page = read(user, url)
        assert status == (302 if user is None else 200)  # visitors are sent to sign in
        assert "wa.me" not in page and "sms:" not in page and "share.js" not in page


def test_a_teacher_and_a_manager_share_the_assignment(assignment, a_class, teacher, manager):
    for user in (teacher, manager):
        status, page = read(user, assignment.url)
        assert status == 200
        assert "https://wa.me/?text=Homework%3A%20Call%20the%20clinic" in page


def test_the_class_page_share_control_is_for_the_class_teachers(
    a_class, teacher, enrolled, make_user, make_cohort
):
    url = f"/classes/{a_class.pk}/"
    status, page = read(teacher, url)
    assert status == 200
    assert (
        f"https://wa.me/?text={quote(f'Our class page: Evening Level 2 http://{HOST}{url}', '')}"
        in page
    )
    assert "sms:?body=" in page
    status, page = read(enrolled(), url)
    assert status == 200 and "wa.me" not in page
    other = make_user(Role.TEACHER)
    make_cohort(teachers=[other], name="Morning Level 2")
    status, page = read(other, url)
    assert status in (403, 404) and "wa.me" not in page


# --- A packet on paper -----------------------------------------------------------


def test_the_packet_prints_with_a_qr_code_to_its_online_page(
    published_packet, a_class, teacher, student
):
    read(student, published_packet.url)
    _status, page = read(teacher, published_packet.url)
    assert '<link rel="stylesheet" media="print" href="/static/packets/print.css">' in page
    assert '<figure class="print-qr" hidden>' in page and 'class="qr"' in page
    assert f"http://{HOST}{published_packet.url}" in page.split('class="print-qr"')[1]
    # A student's phone gets the print stylesheet's link, but not the QR code.
    _status, page = read(student, published_packet.url)
    assert 'media="print" href="/static/packets/print.css"' in page
    assert "print-qr" not in page


def test_teachers_of_a_level_the_packet_is_shared_into_may_share_it(
    published_packet, assignment, make_user, make_level, make_cohort, manager, student
):
    evening = make_user(Role.TEACHER)
    level_3 = make_level(slug="level-3", title="Level 3")
    make_cohort(teachers=[evening], level=level_3, name="Evening Level 3")
    assert not can_share_page(evening, published_packet)
    LevelSharedPacket.objects.create(level=level_3, packet=published_packet)
    assert can_share_page(evening, published_packet) and can_share_page(evening, assignment)
    assert can_share_page(manager, assignment)
    assert not can_share_page(student, assignment)
