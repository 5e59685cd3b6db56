from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from classes.mailing import send_packet
from classes.models import PacketMailing
from tests.factories import publish_assignment, publish_packet

URL = "https://harbor.example.org/level-2/week-3/"


@pytest.fixture
def homework(packet):
    publish_assignment(packet, title="Read the sign", due_date=None, publish=False)
    due = date(2026, 9, 18)
    return publish_assignment(packet, "audio", title="Call the clinic", due_date=due, publish=False)


def test_a_packet_is_emailed_to_students_with_email(
    a_class, enrolled, teacher, packet, homework, django_capture_on_commit_callbacks, run_worker
):
    enrolled(email="amina@example.org", display_name="Amina")
    no_email = enrolled(display_name="Gul Wazir")
    with django_capture_on_commit_callbacks(execute=True):
        sending = send_packet(a_class, packet, by=teacher, token="t1", packet_url=URL)
    run_worker()
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]
    assert "Call the clinic (due" in mail.outbox[0].body.split("Read the sign")[0]
    message = mail.outbox[0]
    assert URL in message.body and "Call the clinic" in message.body
    assert "(due Sept. 18, 2026)" in message.body
    html, kind = message.alternatives[0]
    assert kind == "text/html" and f'href="{URL}"' in html
    assert sending.without_email == [no_email]
    log = PacketMailing.objects.get()
    assert (log.sent_by, log.packet, log.recipient_count, log.without_email_count) == (
        teacher,
        packet,
        1,
        1,
    )


def test_an_arabic_reader_s_email_is_right_to_left_with_the_english_left_to_right(
    a_class, enrolled, teacher, packet, homework, django_capture_on_commit_callbacks, run_worker
):
    enrolled(email="amina@example.org", display_name="Amina", preferred_language="ar")
    with django_capture_on_commit_callbacks(execute=True):
        send_packet(a_class, packet, by=teacher, token="t1", packet_url=URL)
    run_worker()
    html, _kind = mail.outbox[0].alternatives[0]
    assert '<html lang="ar" dir="rtl">' in html
    assert f'<p lang="en" dir="ltr">{packet.summary}</p>' in html


def test_a_double_click_sends_only_once(
    a_class, enrolled, teacher, packet, django_capture_on_commit_callbacks, run_worker
):
    enrolled(email="amina@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        send_packet(a_class, packet, by=teacher, token="same", packet_url=URL)
        again = send_packet(a_class, packet, by=teacher, token="same", packet_url=URL)
    assert again.already_sent
    run_worker()
    assert len(mail.outbox) == 1
    assert PacketMailing.objects.count() == 1


def test_a_packet_of_another_level_is_refused(
    a_class, enrolled, teacher, make_level, django_capture_on_commit_callbacks, run_worker
):
    enrolled(email="amina@example.org")
    other = make_level(slug="level-5", title="Level 5")
    page = publish_packet(other, "Other", summary="x", publish=False)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        send_packet(a_class, page, by=teacher, token="t", packet_url=URL)
    run_worker()
    assert not mail.outbox and not PacketMailing.objects.exists()


def test_students_on_paper_are_listed_to_print_for_and_not_emailed(
    a_class, enrolled, teacher, packet, django_capture_on_commit_callbacks, run_worker
):
    from classes.contact import set_paper_packets
    from classes.models import Enrollment

    paper = enrolled(email="farida@example.org", display_name="Farida")
    set_paper_packets(Enrollment.objects.get(student=paper), True)
    emailed = enrolled(email="amina@example.org", display_name="Amina")
    with django_capture_on_commit_callbacks(execute=True):
        sending = send_packet(a_class, packet, by=teacher, token="t", packet_url=URL)
    run_worker()
    assert [m.to for m in mail.outbox] == [[emailed.email]]
    assert (sending.on_paper, sending.without_email) == ([paper], [])
    assert PacketMailing.objects.get().without_email_count == 1


def test_an_address_another_account_verified_gets_no_packet(
    a_class, enrolled, make_user, teacher, packet, django_capture_on_commit_callbacks, run_worker
):
    """A typed address that belongs to someone else (verified on their
    account) must not receive this student's packet."""
    from learning.roles import Role

    make_user(Role.STUDENT, email="shared@example.org")
    second = enrolled(email="shared@example.org", display_name="Second")
    with django_capture_on_commit_callbacks(execute=True):
        sending = send_packet(a_class, packet, by=teacher, token="t", packet_url=URL)
    run_worker()
    assert not mail.outbox
    assert sending.without_email == [second]


def test_withdrawn_students_are_not_emailed(
    a_class, enrolled, teacher, packet, django_capture_on_commit_callbacks, run_worker
):
    from classes.enrollment import withdraw
    from classes.models import Enrollment

    gone = enrolled(email="gone@example.org")
    withdraw(Enrollment.objects.get(student=gone))
    with django_capture_on_commit_callbacks(execute=True):
        send_packet(a_class, packet, by=teacher, token="t", packet_url=URL)
    run_worker()
    assert not mail.outbox
