import socket
import time
from datetime import timedelta
from smtplib import SMTPRecipientsRefused

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from classes.models import PacketMailing
from learning.models import OutgoingEmail
from learning.outbox import MAX_ATTEMPTS


def test_the_teacher_sends_a_packet_and_sees_who_has_no_email(
    login, a_class, enrolled, teacher, packet, django_capture_on_commit_callbacks, run_worker
):
    enrolled(email="amina@example.org")
    enrolled(display_name="Gul Wazir")
    client = login(teacher)
    form = {"packet": packet.pk, "token": "form-token-1"}
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(f"/classes/{a_class.pk}/send-packet/", form)
        second = client.post(f"/classes/{a_class.pk}/send-packet/", form)
    assert "Gul Wazir" in first.content.decode()
    assert "Already on its way" in second.content.decode()
    assert not mail.outbox  # nothing leaves inside the request
    run_worker()
    assert len(mail.outbox) == 1
    assert f"http://testserver{packet.url}" in mail.outbox[0].body
    assert PacketMailing.objects.count() == 1


def test_the_teacher_is_told_whom_to_print_the_packet_for(
    login, a_class, enrolled, teacher, packet
):
    from classes.contact import set_paper_packets
    from classes.models import Enrollment

    paper = enrolled(email="farida@example.org", display_name="Farida Noori")
    set_paper_packets(Enrollment.objects.get(student=paper), True)
    page = login(teacher).post(
        f"/classes/{a_class.pk}/send-packet/", {"packet": packet.pk, "token": "t"}
    )
    html = page.content.decode()
    on_paper = html.split("Students on paper")[1]
    assert "Farida Noori" in on_paper and f'href="{packet.url}"' in on_paper
    assert "waiting to be emailed to 0 students" in html


def test_the_class_page_offers_a_fresh_token_each_time(login, a_class, teacher, packet):
    client = login(teacher)
    first = client.get(f"/classes/{a_class.pk}/").content.decode()
    second = client.get(f"/classes/{a_class.pk}/").content.decode()
    token = 'name="token" value="'
    assert first.split(token)[1][:20] != second.split(token)[1][:20]


def test_a_student_cannot_send_a_packet(login, a_class, enrolled, packet, run_worker):
    student = enrolled(email="amina@example.org")
    response = login(student).post(
        f"/classes/{a_class.pk}/send-packet/", {"packet": packet.pk, "token": "x"}
    )
    assert response.status_code == 403
    run_worker()
    assert not mail.outbox


def test_an_unknown_packet_is_refused_with_a_message(login, a_class, teacher, packet):
    client = login(teacher)
    response = client.post(
        f"/classes/{a_class.pk}/send-packet/", {"packet": "999999", "token": "x"}, follow=True
    )
    assert "Choose a packet of this class" in response.content.decode()
    assert not PacketMailing.objects.exists()


def test_the_class_page_shows_each_students_email_waiting_then_sent(
    login, a_class, enrolled, teacher, packet, run_worker
):
    enrolled(email="amina@example.org", display_name="Amina")
    client = login(teacher)
    client.post(f"/classes/{a_class.pk}/send-packet/", {"packet": packet.pk, "token": "t"})
    page = client.get(f"/classes/{a_class.pk}/").content.decode()
    assert "1 waiting" in page and 'Amina · <span class="waiting">Waiting to be sent' in page
    assert "1 sent" not in page
    run_worker()
    page = client.get(f"/classes/{a_class.pk}/").content.decode()
    assert "1 sent" in page and 'Amina · <span class="sent">Sent' in page


class RefusingMailServer(BaseEmailBackend):
    def send_messages(self, messages):
        raise SMTPRecipientsRefused({"amina@example.org": (550, b"No such user")})


def test_a_refused_mailing_shows_failed_never_sent_and_can_be_tried_again(
    login, a_class, enrolled, teacher, packet, run_worker, settings
):
    """Issue 12: the class page said "sent to N students" when the server refused."""
    settings.HARBOR_EMAIL_DELIVERY_BACKEND = f"{__name__}.RefusingMailServer"
    enrolled(email="amina@example.org", display_name="Amina")
    client = login(teacher)
    response = client.post(
        f"/classes/{a_class.pk}/send-packet/", {"packet": packet.pk, "token": "t"}
    )
    assert response.status_code == 200
    email = OutgoingEmail.objects.get()
    for _attempt in range(MAX_ATTEMPTS):
        run_worker()
        # The next retry waits minutes: let it be due now.
        DBTaskResult.objects.update(run_after=timezone.now() - timedelta(seconds=1))
    email.refresh_from_db()
    assert (email.status, email.attempts) == ("failed", MAX_ATTEMPTS)
    assert "SMTPRecipientsRefused" in email.last_error
    page = client.get(f"/classes/{a_class.pk}/").content.decode()
    assert "1 failed" in page and "sent" not in page.split("Emailed packets")[1].split("</ul>")[0]
    mailing = PacketMailing.objects.get()
    settings.HARBOR_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.post(f"/classes/{a_class.pk}/mailings/{mailing.pk}/retry/")
    run_worker()
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]


@pytest.fixture
def hanging_mail_server():
    """An SMTP server that accepts the connection and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    yield server.getsockname()[1]
    server.close()


def test_a_hanging_mail_server_holds_up_no_request_and_times_out_in_the_worker(
    login, a_class, enrolled, teacher, packet, run_worker, settings, hanging_mail_server
):
    settings.HARBOR_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", hanging_mail_server
    settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = False, 1
    enrolled(email="amina@example.org")
    client = login(teacher)
    started = time.monotonic()
    client.post(f"/classes/{a_class.pk}/send-packet/", {"packet": packet.pk, "token": "t"})
    assert time.monotonic() - started < 1  # the request never talked to the server
    run_worker()
    email = OutgoingEmail.objects.get()
    assert email.status == "waiting" and email.attempts == 1  # tried once, retried later
    assert "timed out" in email.last_error


def test_a_failed_mailing_cannot_be_retried_by_a_student(login, a_class, enrolled, teacher, packet):
    from classes.mailing import send_packet

    student = enrolled(email="amina@example.org")
    sending = send_packet(a_class, packet, by=teacher, token="t", packet_url="https://x/")
    response = login(student).post(f"/classes/{a_class.pk}/mailings/{sending.mailing.pk}/retry/")
    assert response.status_code == 403
