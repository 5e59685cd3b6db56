"""Notices by email, written by the task worker: one email per notice for those
who want them at once, one digest a day for those who asked for it. Each goes
into the outbox (learning/outbox.py) in the recipient's language, in the same
transaction that records it on the notices, so a notice is emailed once; when
the mail server fails, the outbox marks the message failed and the notices
stay in the person's list as they were."""

from itertools import groupby

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_tasks import task

from classes.models import EmailPlan, Notice
from classes.notices.kinds import call_link, worded
from classes.notices.preferences import verified_addresses
from learning.outbox import one_line, queue_email


def absolute(link):
    """A path on Harbor as a link that works from a mailbox."""
    if not link or "://" in link:
        return link
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + link


def lines_of(notices):
    return [
        {
            "text": worded(n),
            "link": absolute(n.get_absolute_url() if n.link else ""),
            "call": call_link(n),
        }
        for n in notices
    ]


def build_single(notice, address):
    user = notice.recipient
    with translation.override(user.preferred_language):
        lines = lines_of([notice])
        subject = one_line(f"Harbor: {lines[0]['text']}")
        context = {"user": user, "lines": lines, "notices_url": absolute("/notices/")}
        body = render_to_string("notices/email/notices.txt", context)
    return EmailMessage(subject, body, to=[address])


def build_digest(user, notices, address, today):
    with translation.override(user.preferred_language):
        subject = _("Harbor: your notices of %(date)s") % {
            "date": date_format(today, "DATE_FORMAT")
        }
        context = {
            "user": user,
            "lines": lines_of(notices),
            "notices_url": absolute("/notices/"),
            "digest": True,
        }
        body = render_to_string("notices/email/notices.txt", context)
    return EmailMessage(one_line(subject), body, to=[address])


@task()
def email_notices(notice_ids):
    """Email each of these notices on its own (those still waiting for it)."""
    notices = list(
        Notice.objects.filter(pk__in=notice_ids, email_plan=EmailPlan.SINGLE, emailed_at=None)
        .select_related("recipient")
        .order_by("pk")
    )
    addresses = verified_addresses({n.recipient_id for n in notices})
    sent = 0
    for notice in notices:
        address = addresses.get(notice.recipient_id)
        with transaction.atomic():
            if address is None:  # the address went since: the list still has it
                Notice.objects.filter(pk=notice.pk).update(email_plan=EmailPlan.NONE)
                continue
            email = queue_email(
                build_single(notice, address),
                recipient=notice.recipient,
                topic=f"notice:{notice.pk}",
            )
            Notice.objects.filter(pk=notice.pk).update(email=email, emailed_at=timezone.now())
            sent += 1
    return sent


def send_digests(now=None):
    """One email per person with every notice waiting for their digest; returns
    how many digests were queued."""
    now = now or timezone.now()
    # Read in Harbor before the digest went out: already seen, not emailed.
    Notice.objects.waiting_for_digest().filter(read_at__isnull=False).update(
        email_plan=EmailPlan.NONE
    )
    waiting = (
        Notice.objects.waiting_for_digest()
        .filter(created_at__lte=now)
        .select_related("recipient")
        .order_by("recipient_id", "created_at", "pk")
    )
    by_person = [
        (user_id, list(group)) for user_id, group in groupby(waiting, lambda n: n.recipient_id)
    ]
    addresses = verified_addresses([user_id for user_id, _notices in by_person])
    sent = 0
    for user_id, notices in by_person:
        sent += digest_for(notices, addresses.get(user_id), timezone.localdate(now))
    return sent


@transaction.atomic
def digest_for(notices, address, today):
    ids = [n.pk for n in notices]
    if address is None:
        Notice.objects.filter(pk__in=ids).update(email_plan=EmailPlan.NONE)
        return 0
    user = notices[0].recipient
    email = queue_email(
        build_digest(user, notices, address, today),
        recipient=user,
        topic=f"notice-digest:{user.pk}",
    )
    Notice.objects.filter(pk__in=ids).update(email=email, emailed_at=timezone.now())
    return 1
