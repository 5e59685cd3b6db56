"""Writing and reading notices, one function per verb. `notify` runs inside the
caller's transaction (a session cancelled, feedback given), so a notice exists
if and only if what it tells about was saved; its email is enqueued in the same
transaction and written by the task worker (mail.py), never in a request.

Each person's unread count lives on their User row (the bell in the header):
counted up and down in the same transaction, with the database's own arithmetic,
so parallel writers never lose a count."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext as _

from classes.models import Channel, EmailPlan, Notice, NoticeKind, NoticeSettings
from classes.notices.mail import email_notices
from classes.notices.preferences import has_verified_address, plans_for


@transaction.atomic
def notify(recipients, kind, params, *, link="", key=""):
    """Tell each of `recipients` (users or ids) about one event. People who turned
    `kind` off get nothing; with a `key`, nobody is told the same event twice.
    Returns the notices written."""
    if kind not in NoticeKind.values:
        raise ValueError(f"Unknown notice kind: {kind}")
    ids = list(dict.fromkeys(getattr(r, "pk", r) for r in recipients))
    if key:
        told = Notice.objects.filter(key=key, recipient_id__in=ids).values_list(
            "recipient_id", flat=True
        )
        ids = [i for i in ids if i not in set(told)]
    plans = plans_for(ids, kind)
    notices = Notice.objects.bulk_create(
        Notice(recipient_id=i, kind=kind, params=params, link=link, key=key, email_plan=plan)
        for i, plan in plans.items()
    )
    count_up([n.recipient_id for n in notices])
    singles = [n.pk for n in notices if n.email_plan == EmailPlan.SINGLE]
    if singles:
        email_notices.enqueue(singles)
    return notices


def count_up(user_ids):
    if user_ids:
        users = get_user_model().objects.filter(pk__in=user_ids)
        users.update(unread_notices=F("unread_notices") + 1)


def count_down(user_id, by):
    if by:
        users = get_user_model().objects.filter(pk=user_id)
        users.update(unread_notices=Greatest(F("unread_notices") - by, Value(0)))


def recount(user_ids):
    """Set counts from the notices themselves (after deleting some, or in the demo)."""
    unread = (
        Notice.objects.filter(recipient=OuterRef("pk"), read_at__isnull=True)
        .values("recipient")
        .annotate(n=Count("pk"))
        .values("n")
    )
    users = get_user_model().objects.filter(pk__in=user_ids)
    users.update(unread_notices=Coalesce(Subquery(unread), Value(0)))


@transaction.atomic
def mark_read(notice):
    """The reader opened it. Counted down only if it was unread: opening it
    twice, or in two tabs at once, takes one off the bell."""
    changed = Notice.objects.filter(pk=notice.pk, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    count_down(notice.recipient_id, changed)
    return changed


@transaction.atomic
def mark_all_read(user):
    changed = Notice.objects.for_reader(user).unread().update(read_at=timezone.now())
    count_down(user.pk, changed)
    return changed


@transaction.atomic
def save_settings(user, channels, daily_digest):
    """Store a person's choices: `channels` maps every kind to a Channel. Email
    only for someone with a verified address (ValidationError otherwise)."""
    if set(channels) != set(NoticeKind.values) or not set(channels.values()) <= set(Channel.values):
        raise ValidationError(_("Choose how to get each kind of notice."))
    if Channel.EMAIL in channels.values() and not has_verified_address(user):
        raise ValidationError(
            _("Email needs a verified email address: add one on your account page first.")
        )
    settings, _created = NoticeSettings.objects.update_or_create(
        user=user, defaults={"channels": dict(channels), "daily_digest": bool(daily_digest)}
    )
    return settings


def erase_notices(student):
    """Notices and notice settings of the student are deleted."""
    Notice.objects.filter(recipient=student).delete()
    NoticeSettings.objects.filter(user=student).delete()
    get_user_model().objects.filter(pk=student.pk).update(unread_notices=0)
