"""The email outbox: every message Harbor sends is an OutgoingEmail row, written
in the caller's transaction together with the task that delivers it; the task
worker (`manage.py db_worker`) talks to the mail server, never a request.

`OutboxBackend` is Django's EMAIL_BACKEND, so every sender (allauth's password
reset and verification mail, the packet mailing) goes this way without knowing
it; the worker hands each message to HARBOR_EMAIL_DELIVERY_BACKEND (SMTP in
production) with EMAIL_TIMEOUT, and retries a failure with growing waits before
it marks the message failed for good.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from learning.models import EmailStatus, OutgoingEmail

# Waits before the 2nd, 3rd … attempt; after the last, the message has failed.
RETRY_WAITS = (timedelta(minutes=1), timedelta(minutes=10), timedelta(hours=1))
MAX_ATTEMPTS = len(RETRY_WAITS) + 1


def one_line(text):
    """Mail headers are one line: a name with a line break must not break a mailing."""
    return " ".join(str(text).split())


def html_of(message):
    alternatives = getattr(message, "alternatives", None) or []
    return next((content for content, mimetype in alternatives if mimetype == "text/html"), "")


@transaction.atomic
def queue_email(message, *, recipient=None, topic=""):
    """Put a Django EmailMessage in the outbox and enqueue its delivery, in the
    current transaction: both exist if and only if the caller's change commits."""
    if message.attachments:
        raise ValueError("The outbox does not carry attachments.")
    email = OutgoingEmail.objects.create(
        recipient=recipient,
        topic=topic,
        to=list(message.to),
        from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
        subject=one_line(message.subject)[:255],
        body=message.body,
        html=html_of(message),
        headers={str(k): one_line(v) for k, v in (message.extra_headers or {}).items()},
    )
    deliver_email.enqueue(email.pk)
    return email


class OutboxBackend(BaseEmailBackend):
    """EMAIL_BACKEND: sending means queueing (see the module's docstring)."""

    def send_messages(self, email_messages):
        for message in email_messages:
            queue_email(message)
        return len(email_messages)


def as_message(email):
    message = EmailMultiAlternatives(
        email.subject, email.body, email.from_email, email.to, headers=email.headers
    )
    if email.html:
        message.attach_alternative(email.html, "text/html")
    return message


def delivery_connection():
    return get_connection(settings.HARBOR_EMAIL_DELIVERY_BACKEND, timeout=settings.EMAIL_TIMEOUT)


@task()
def deliver_email(email_id):
    """Send one message from the outbox. Failures are recorded on the row (and
    retried later), never raised: the row, not the task, is what people see."""
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None or email.status != EmailStatus.WAITING:
            return email.status if email else "gone"
        email.attempts += 1
        try:
            delivery_connection().send_messages([as_message(email)])
        except Exception as error:  # noqa: BLE001 - any failure of the mail server
            record_failure(email, error)
        else:
            email.status, email.sent_at, email.last_error = EmailStatus.SENT, timezone.now(), ""
            email.save(update_fields=["status", "sent_at", "attempts", "last_error"])
    return email.status


def record_failure(email, error):
    email.last_error = f"{type(error).__name__}: {error}"[:500]
    if email.attempts >= MAX_ATTEMPTS:
        email.status = EmailStatus.FAILED
    else:
        wait = RETRY_WAITS[email.attempts - 1]
        deliver_email.using(run_after=timezone.now() + wait).enqueue(email.pk)
    email.save(update_fields=["status", "attempts", "last_error"])


@transaction.atomic
def retry(emails):
    """Send failed messages again (a person asked to): a fresh round of attempts."""
    emails = list(emails.filter(status=EmailStatus.FAILED))
    for email in emails:
        email.status, email.attempts = EmailStatus.WAITING, 0
        email.save(update_fields=["status", "attempts"])
        deliver_email.enqueue(email.pk)
    return len(emails)
