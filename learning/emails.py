"""Whose email address is whose.

An account's address (User.email: packet mailings, password resets) is one of:
- set by staff or Harbor's own code (the Wagtail admin's user forms, the demo,
  addresses from before verification existed): trusted, and kept as a verified
  allauth EmailAddress (`keep_staff_set_address`, on every save of a user);
- typed by the user on /accounts/email/ (allauth, ACCOUNT_CHANGE_EMAIL): it
  replaces the old one only once confirmed from its mailbox.
No page lets a user write User.email directly: a form that did would be trusted.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction


def keep_staff_set_address(user):
    """Record the user's address as their one verified address, unless allauth
    already knows it for them (verified, or a change they have not confirmed).
    An address another account holds verified is recorded, but not verified."""
    email = user.email.strip().lower()
    if not email or EmailAddress.objects.filter(user=user, email__iexact=email).exists():
        return
    with transaction.atomic():
        EmailAddress.objects.filter(user=user).delete()
        EmailAddress.objects.create(
            user=user, email=email, primary=True, verified=not verified_elsewhere(email, user)
        )


def verified_elsewhere(email, user):
    return (
        EmailAddress.objects.filter(email__iexact=email, verified=True).exclude(user=user).exists()
    )


def address_taken(email, user):
    """Another account's address: verified there, or set there by staff. One that
    someone else only typed (unconfirmed) does not count, or anyone could block
    a student's address by typing it first."""
    users = get_user_model().objects.exclude(pk=user.pk)
    return verified_elsewhere(email, user) or users.filter(email__iexact=email).exists()
