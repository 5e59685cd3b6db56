"""Wrong passwords are limited per address and username, per username and per
address, so guessing stops without letting a stranger lock a student out."""

import time

import pytest

from tests.conftest import PASSWORD

CLASSROOM = "198.51.100.7"  # one NAT address for a whole classroom
HOME = "203.0.113.20"
TOO_MANY = "Too many failed login attempts"


def sign_in(client, username, password, address):
    return client.post(
        "/accounts/login/", {"login": username, "password": password}, REMOTE_ADDR=address
    )


def signed_in(client):
    return "_auth_user_id" in client.session


def test_a_whole_classroom_signs_in_from_one_address_within_a_minute(client, make_user):
    for number in range(35):
        user = make_user()
        if number % 2:  # every other student mistypes once first
            assert sign_in(client, user.username, "typo", CLASSROOM).status_code == 200
        response = sign_in(client, user.username, PASSWORD, CLASSROOM)
        assert response.status_code == 302, response.content.decode()[:300]
        client.post("/accounts/logout/", REMOTE_ADDR=CLASSROOM)


def test_wrong_passwords_from_one_address_do_not_lock_the_student_out_elsewhere(client, student):
    for _attempt in range(12):
        sign_in(client, student.username, "guess", "192.0.2.66")
    refused = sign_in(client, student.username, PASSWORD, "192.0.2.66")
    assert TOO_MANY in refused.content.decode()
    assert not signed_in(client)
    assert sign_in(client, student.username, PASSWORD, HOME).status_code == 302
    assert signed_in(client)


def test_one_stranger_guessing_all_day_cannot_lock_a_student_out(client, student):
    # A stranger at one address is stopped long before the username's own limit.
    for _attempt in range(40):
        sign_in(client, student.username, "guess", "192.0.2.66")
    assert sign_in(client, student.username, PASSWORD, HOME).status_code == 302


class Clock:
    """allauth's rate limits read time.time(): this one is moved by hand."""

    monotonic = staticmethod(time.monotonic)
    sleep = staticmethod(time.sleep)

    def __init__(self):
        self.now = time.time()

    def time(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr("allauth.core.internal.ratelimit.time", clock)
    return clock


def test_a_stranger_guessing_for_a_whole_day_never_locks_the_student_out(client, student, clock):
    for _half_hour in range(48):
        for _attempt in range(5):
            sign_in(client, student.username, "guess", "192.0.2.66")
        clock.now += 30 * 60
        assert sign_in(client, student.username, PASSWORD, HOME).status_code == 302
        client.post("/accounts/logout/", REMOTE_ADDR=HOME)


def test_slow_guessing_from_many_addresses_is_stopped_for_the_day(client, student, clock):
    # Twenty addresses, each trying once an hour (20 an hour, under the 30),
    # for ten hours: the username's 200 a day are used up.
    for _hour in range(10):
        clock.now += 60 * 60
        for machine in range(20):
            sign_in(client, student.username, "guess", f"192.0.2.{machine + 1}")
    refused = sign_in(client, student.username, PASSWORD, HOME)
    assert TOO_MANY in refused.content.decode()


def test_guessing_one_username_from_many_addresses_is_stopped(client, student):
    # Five wrong passwords from each of six addresses: 30 within the hour.
    for machine in range(6):
        for _attempt in range(5):
            sign_in(client, student.username, "guess", f"192.0.2.{machine + 1}")
    refused = sign_in(client, student.username, PASSWORD, "192.0.2.99")
    assert TOO_MANY in refused.content.decode()
    assert not signed_in(client)


def test_guessing_many_usernames_from_one_address_is_stopped(client, student):
    for number in range(60):
        sign_in(client, f"someone{number}", "password1", "192.0.2.66")
    refused = sign_in(client, student.username, PASSWORD, "192.0.2.66")
    assert TOO_MANY in refused.content.decode()
    assert not signed_in(client)
    assert sign_in(client, student.username, PASSWORD, CLASSROOM).status_code == 302


def test_a_right_password_does_not_count_against_the_limits(client, student):
    for _attempt in range(20):
        assert sign_in(client, student.username, PASSWORD, CLASSROOM).status_code == 302
        client.post("/accounts/logout/", REMOTE_ADDR=CLASSROOM)
    for _attempt in range(4):
        sign_in(client, student.username, "typo", CLASSROOM)
    assert sign_in(client, student.username, PASSWORD, CLASSROOM).status_code == 302
