"""One-time form tokens (learning/once.py): the one mechanism every form that
makes something uses against a double tap, a reload or a retry."""

import pytest
from django.db import IntegrityError

from learning.models import OutgoingEmail
from learning.once import claimed_in_cache, is_token, made_once, new_token


def test_each_new_token_is_fresh_and_reads_as_a_token():
    tokens = {new_token() for _ in range(20)}
    assert len(tokens) == 20
    assert all(is_token(token) for token in tokens)


@pytest.mark.parametrize("value", ["", "short", "a" * 65, "with space and more", None, "ü" * 20])
def test_anything_else_is_not_a_token(value):
    assert not is_token(value)


def outbox_mail(subject):
    return OutgoingEmail.objects.create(
        to=["a@example.org"], from_email="h@example.org", subject=subject, body=""
    )


@pytest.mark.django_db
def test_made_once_makes_the_first_time_and_finds_it_the_second():
    def find():
        return OutgoingEmail.objects.filter(subject="once").first()

    first, created = made_once(find, lambda: outbox_mail("once"))
    again, created_again = made_once(find, lambda: outbox_mail("once"))
    assert (created, created_again) == (True, False)
    assert again == first
    assert OutgoingEmail.objects.count() == 1


@pytest.mark.django_db
def test_a_post_that_loses_the_race_gets_the_winners_thing():
    """The earlier post committed between this one's look and its insert: the
    unique constraint refuses the insert, and what the winner made is returned."""
    won = outbox_mail("race")
    looks = iter([None, won])

    def lose():
        outbox_mail("loser")
        raise IntegrityError("duplicate key")

    thing, created = made_once(lambda: next(looks), lose)
    assert (thing, created) == (won, False)
    assert not OutgoingEmail.objects.filter(subject="loser").exists()  # rolled back


@pytest.mark.django_db
def test_a_constraint_broken_for_another_reason_is_not_hidden():
    def broken():
        raise IntegrityError("another constraint")

    with pytest.raises(IntegrityError):
        made_once(lambda: None, broken)


def test_a_token_is_claimed_once_per_scope():
    with claimed_in_cache("scope-a", "t1") as first:
        assert first
    with claimed_in_cache("scope-a", "t1") as again:
        assert not again
    with claimed_in_cache("scope-b", "t1") as other_scope:
        assert other_scope


def test_a_claim_is_given_back_when_nothing_was_made():
    with pytest.raises(ValueError), claimed_in_cache("scope", "t2") as first:
        assert first
        raise ValueError("a bad line in the form")
    with claimed_in_cache("scope", "t2") as after_the_fix:
        assert after_the_fix
