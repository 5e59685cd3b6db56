"""An address a user types is used only once they prove it is theirs; an address
on another account is refused; addresses staff set count as verified."""

import importlib
import re

from allauth.account.models import EmailAddress
from django.apps import apps
from django.core import mail

from learning.models import OutgoingEmail

CONFIRM_LINK = re.compile(r"(/accounts/confirm-email/[^/\s]+/)")


def add_address(client, email):
    return client.post("/accounts/email/", {"email": email, "action_add": ""})


def confirm_from_mail(client, to, run_worker):
    run_worker()  # mail leaves through the outbox, delivered by the task worker
    message = next(m for m in reversed(mail.outbox) if to in m.to)
    link = CONFIRM_LINK.search(message.body).group(1)
    return client.post(link)


def test_an_address_a_student_adds_is_not_used_until_they_confirm_it(login, student, run_worker):
    client = login(student)
    add_address(client, "amina@example.org")
    student.refresh_from_db()
    assert student.email == ""
    client.post("/accounts/email/", {"email": "amina@example.org", "action_primary": ""})
    student.refresh_from_db()
    assert student.email == "", "an unverified address became the account's address"
    confirm_from_mail(client, "amina@example.org", run_worker)
    student.refresh_from_db()
    assert student.email == "amina@example.org"


def test_a_new_address_replaces_the_old_one_only_once_confirmed(login, teacher, run_worker):
    client = login(teacher)
    add_address(client, "sarah.collins@example.org")
    teacher.refresh_from_db()
    assert teacher.email == "sarah@example.org"
    assert "sarah.collins@example.org" in client.get("/accounts/email/").content.decode()
    confirm_from_mail(client, "sarah.collins@example.org", run_worker)
    teacher.refresh_from_db()
    assert teacher.email == "sarah.collins@example.org"
    assert list(EmailAddress.objects.filter(user=teacher).values_list("email", flat=True)) == [
        "sarah.collins@example.org"
    ]


def test_an_address_on_another_account_is_refused_with_a_message(
    login, student, teacher, run_worker
):
    client = login(student)
    mail.outbox.clear()
    response = add_address(client, "Sarah@Example.org")
    assert response.status_code == 200
    assert "already" in response.content.decode()
    assert not EmailAddress.objects.filter(user=student).exists()
    run_worker()
    assert mail.outbox == []


def test_an_address_someone_else_only_typed_is_not_refused(login, client, student, make_user):
    squatter = make_user()
    login(squatter)
    add_address(client, "amina@example.org")
    client.post("/accounts/logout/")
    login(student)
    add_address(client, "amina@example.org")
    assert EmailAddress.objects.filter(user=student, email="amina@example.org").exists()


def test_addresses_staff_set_count_as_verified(teacher, make_user):
    assert EmailAddress.objects.filter(
        user=teacher, email="sarah@example.org", verified=True, primary=True
    ).exists()
    teacher.email = "s.collins@example.org"
    teacher.save()
    assert EmailAddress.objects.get(user=teacher, primary=True).email == "s.collins@example.org"
    assert EmailAddress.objects.get(user=teacher, primary=True).verified


def test_addresses_from_before_verification_are_marked_verified(make_user):
    teacher = make_user(email="old@example.org")
    twin = make_user(email="OLD@example.org")
    EmailAddress.objects.all().delete()
    migration = importlib.import_module("learning.migrations.0005_verify_existing_email_addresses")
    migration.verify_existing_addresses(apps, None)
    assert EmailAddress.objects.get(user=teacher).verified
    # Two accounts with one address: only the first holds it verified.
    assert not EmailAddress.objects.get(user=twin).verified


def test_signing_in_with_a_staff_set_address_sends_no_mail(login, teacher, run_worker):
    mail.outbox.clear()
    login(teacher)
    run_worker()
    assert mail.outbox == []
    assert not OutgoingEmail.objects.exists()


def test_the_email_and_password_pages_are_harbors(login, student):
    client = login(student)
    for url in ["/accounts/email/", "/accounts/password/change/"]:
        page = client.get(url).content.decode()
        assert 'class="site-header"' in page and 'class="card narrow"' in page, url
        assert 'href="/accounts/email/"' in page and 'href="/accounts/password/change/"' in page
