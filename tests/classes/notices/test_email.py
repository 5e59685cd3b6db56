"""Notices by email: only to people with a verified address who want them, in
their language, through the outbox (written by the task worker); a digest
gathers a day's notices into one email; a failing mail server loses nothing."""

from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from classes.models import Channel, EmailPlan, Notice, NoticeKind
from classes.notices.mail import send_digests
from classes.notices.services import mark_read, notify, save_settings
from classes.schedule import set_cancelled
from learning.models import EmailStatus, OutgoingEmail
from learning.outbox import MAX_ATTEMPTS, deliver_email
from tests.classes.notices.conftest import future_session

pytestmark = pytest.mark.django_db

PACKET = {"title": "Week 5: Shopping", "page_id": 1}


def all_channels(channel, **overrides):
    return {kind: overrides.get(kind, channel) for kind in NoticeKind.values}


def test_a_notice_is_emailed_to_whoever_has_a_verified_address(cohort, run_worker):
    notify([cohort.amina, cohort.gul], NoticeKind.NEW_PACKET, PACKET, link="/level-2/shop/")
    run_worker()
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]
    message = mail.outbox[0]
    assert "New packet for your level: Week 5: Shopping." in message.body
    assert "http://127.0.0.1:8000/notices/" in message.body
    notice = Notice.objects.get(recipient=cohort.amina)
    assert notice.email.status == EmailStatus.SENT
    assert Notice.objects.get(recipient=cohort.gul).email_plan == EmailPlan.NONE


def test_the_email_is_in_the_reader_s_language(cohort, run_worker):
    cohort.amina.preferred_language = "es"
    cohort.amina.save()
    notify([cohort.amina], NoticeKind.NEW_PACKET, PACKET)
    run_worker()
    body = mail.outbox[0].body
    assert body.startswith("Hola, Amina Yusuf:") and "Week 5: Shopping" in body


def test_nothing_is_emailed_to_someone_who_chose_in_harbor_only(cohort, run_worker):
    save_settings(cohort.amina, all_channels(Channel.IN_APP), daily_digest=False)
    notify([cohort.amina], NoticeKind.NEW_PACKET, PACKET)
    run_worker()
    assert mail.outbox == []
    assert Notice.objects.get(recipient=cohort.amina).email_plan == EmailPlan.NONE


def test_a_kind_turned_off_is_not_even_listed(cohort, run_worker):
    channels = all_channels(Channel.EMAIL, new_packet=Channel.OFF)
    save_settings(cohort.amina, channels, daily_digest=False)
    assert notify([cohort.amina], NoticeKind.NEW_PACKET, PACKET) == []
    run_worker()
    assert mail.outbox == [] and not Notice.objects.exists()


def test_a_digest_gathers_each_person_s_notices_into_one_email(cohort, make_user, run_worker):
    save_settings(cohort.amina, all_channels(Channel.EMAIL), daily_digest=True)
    notify([cohort.amina], NoticeKind.NEW_PACKET, PACKET)
    session = future_session(cohort)
    set_cancelled(session, True, by=cohort.teacher)
    run_worker()
    assert mail.outbox == []  # nothing single: it waits for the digest
    assert send_digests() == 1
    assert send_digests() == 0  # each notice goes out once
    run_worker()
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Week 5: Shopping" in body and "is cancelled" in body
    assert Notice.objects.filter(recipient=cohort.amina, email__isnull=False).count() == 2


def test_a_notice_read_before_the_digest_is_not_emailed(cohort, run_worker):
    save_settings(cohort.amina, all_channels(Channel.EMAIL), daily_digest=True)
    notice = notify([cohort.amina], NoticeKind.NEW_PACKET, PACKET)[0]
    mark_read(notice)
    assert send_digests() == 0
    run_worker()
    assert mail.outbox == []


def test_a_failing_mail_server_marks_the_email_failed_and_keeps_the_notice(
    cohort, run_worker, login
):
    notify([cohort.amina], NoticeKind.NEW_PACKET, PACKET)
    with mock.patch("learning.outbox.delivery_connection", side_effect=OSError("refused")):
        run_worker()
        email = OutgoingEmail.objects.get()
        for _attempt in range(MAX_ATTEMPTS - 1):
            deliver_email.call(email.pk)  # the retries, without waiting for them
    email.refresh_from_db()
    assert email.status == EmailStatus.FAILED
    client = login(cohort.amina)
    page = client.get("/notices/").content.decode()
    assert "Week 5: Shopping" in page
    assert "Email: Failed" in page  # the reader knows to look here, not in their mail


def test_the_list_shows_each_notice_s_email_sent_or_waiting(cohort, run_worker, login):
    notify([cohort.amina], NoticeKind.NEW_PACKET, PACKET)
    client = login(cohort.amina)
    assert "Email:" not in client.get("/notices/").content.decode()  # not written yet
    run_worker()
    assert "Email: Sent" in client.get("/notices/").content.decode()
    OutgoingEmail.objects.update(status=EmailStatus.WAITING)  # as between two retries
    assert "Email: Waiting to be sent" in client.get("/notices/").content.decode()


def test_email_cannot_be_chosen_without_a_verified_address(cohort):
    with pytest.raises(ValidationError):
        save_settings(cohort.gul, all_channels(Channel.EMAIL), daily_digest=False)
