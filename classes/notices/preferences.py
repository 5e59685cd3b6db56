"""Who wants what, and who can be emailed at all: people with a verified email
address (allauth's EmailAddress). Without one, email is never chosen, whatever
was stored; with one, email is on until the person turns it off."""

from allauth.account.models import EmailAddress

from classes.models import Channel, EmailPlan, NoticeKind, NoticeSettings


def verified_addresses(user_ids):
    """{user id: their verified address}, the primary one first; one query."""
    rows = (
        EmailAddress.objects.filter(user_id__in=user_ids, verified=True)
        .order_by("user_id", "-primary", "pk")
        .values_list("user_id", "email")
    )
    found = {}
    for user_id, email in rows:
        found.setdefault(user_id, email)
    return found


def has_verified_address(user):
    return bool(verified_addresses([user.pk]))


def channel(settings, kind, has_email):
    """The Channel a person gets `kind` by. `settings` may be None (defaults)."""
    stored = settings.channels.get(kind) if settings else None
    if stored not in Channel.values:
        stored = Channel.EMAIL
    if stored == Channel.EMAIL and not has_email:
        return Channel.IN_APP
    return stored


def channels_of(user, settings=None, has_email=None):
    """{kind: Channel} for every kind, as the settings page shows them."""
    if settings is None:
        settings = NoticeSettings.objects.filter(user=user).first()
    if has_email is None:
        has_email = has_verified_address(user)
    return {kind: channel(settings, kind, has_email) for kind in NoticeKind.values}


def plans_for(user_ids, kind):
    """{user id: EmailPlan} for those who get `kind` at all (not turned off);
    two queries, however many people."""
    settings = {s.user_id: s for s in NoticeSettings.objects.filter(user_id__in=user_ids)}
    addresses = verified_addresses(user_ids)
    plans = {}
    for user_id in user_ids:
        own = settings.get(user_id)
        chosen = channel(own, kind, user_id in addresses)
        if chosen == Channel.OFF:
            continue
        if chosen == Channel.IN_APP:
            plans[user_id] = EmailPlan.NONE
        else:
            plans[user_id] = EmailPlan.DIGEST if own and own.daily_digest else EmailPlan.SINGLE
    return plans
