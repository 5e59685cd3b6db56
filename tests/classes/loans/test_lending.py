"""The lending rules: one open loan per device (in the service, in the database,
and under two requests at once), returning closes the loan, every change is in
the history, and the history cannot be changed."""

import datetime
import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction

from classes.loans.services import change_device, return_device, set_device_need
from classes.models import DeviceStatus, Loan, LoanEvent, LoanEventKind
from learning.roles import Role
from tests.classes.loans.conftest import TODAY


def test_a_device_on_loan_cannot_be_lent_again(make_device, lend, classroom):
    _cohort, _teacher, amina, ahmad = classroom
    device = make_device()
    lend(device, amina)
    with pytest.raises(ValidationError, match="already on loan"):
        lend(device, ahmad)
    assert Loan.objects.filter(device=device).count() == 1


def test_the_database_refuses_a_second_open_loan(make_device, lend, classroom, manager):
    _cohort, _teacher, amina, ahmad = classroom
    device = make_device()
    lend(device, amina)
    with pytest.raises(IntegrityError), transaction.atomic():
        Loan.objects.create(device=device, student=ahmad, lent_on=TODAY, due_back=TODAY)


@pytest.mark.django_db(transaction=True)
def test_two_people_lending_one_device_at_once_make_one_loan(make_device, make_user, manager):
    """Two threads, each its own connection, lend the same device to two students."""
    device = make_device()
    students = [make_user(Role.STUDENT), make_user(Role.STUDENT)]
    start, outcomes = threading.Barrier(2), []

    def attempt(student):
        from classes.loans.services import lend_device

        start.wait()
        try:
            lend_device(device, student, by=manager, lent_on=TODAY, due_back=TODAY)
            outcomes.append("lent")
        except (ValidationError, IntegrityError) as error:
            outcomes.append(type(error).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(s,)) for s in students]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes).count("lent") == 1
    assert Loan.objects.open().filter(device=device).count() == 1


def test_returning_closes_the_loan_and_frees_the_device(make_device, lend, classroom, manager):
    _cohort, _teacher, amina, ahmad = classroom
    device = make_device()
    loan = lend(device, amina)
    return_device(device, by=manager, returned_on=TODAY, condition="good")
    loan.refresh_from_db()
    device.refresh_from_db()
    assert loan.returned_on == TODAY and loan.received_by == manager
    assert device.status == DeviceStatus.AVAILABLE
    assert lend(device, ahmad).is_open


def test_a_broken_device_goes_for_repair_and_cannot_be_lent(make_device, lend, classroom, manager):
    _cohort, _teacher, amina, ahmad = classroom
    device = make_device()
    lend(device, amina)
    return_device(device, by=manager, returned_on=TODAY, condition="broken")
    with pytest.raises(ValidationError, match="in repair"):
        lend(device, ahmad)


def test_returning_a_device_not_on_loan_is_refused(make_device, manager):
    with pytest.raises(ValidationError, match="not on loan"):
        return_device(make_device(), by=manager, returned_on=TODAY, condition="good")


def test_devices_go_to_students_only(make_device, lend, teacher):
    with pytest.raises(ValidationError, match="students only"):
        lend(make_device(), teacher)


def test_status_follows_the_loans(make_device, lend, classroom, manager):
    device = make_device()
    with pytest.raises(ValidationError):
        change_device(device, by=manager, status=DeviceStatus.ON_LOAN)
    lend(device, classroom[2])
    with pytest.raises(ValidationError):
        change_device(device, by=manager, status=DeviceStatus.AVAILABLE)


def test_every_change_is_in_the_history(make_device, lend, classroom, manager):
    _cohort, _teacher, amina, _ahmad = classroom
    device = make_device()
    change_device(device, by=manager, site="North library")
    lend(device, amina)
    return_device(device, by=manager, returned_on=TODAY, condition="fair")
    set_device_need(amina, True, by=amina)
    events = list(LoanEvent.objects.order_by("pk"))
    assert [e.kind for e in events] == [
        LoanEventKind.ADDED,
        LoanEventKind.CHANGED,
        LoanEventKind.LENT,
        LoanEventKind.RETURNED,
        LoanEventKind.NO_DEVICE,
    ]
    assert events[1].changes == {"site": ["", "North library"]}
    assert all(e.actor == manager for e in events[:4]) and events[4].actor == amina
    assert events[3].changes["returned_on"] == [None, TODAY.isoformat()]


def test_the_history_cannot_be_changed_or_deleted(make_device, manager):
    make_device()
    event = LoanEvent.objects.get()
    with pytest.raises(PermissionDenied):
        event.save()
    with pytest.raises(PermissionDenied):
        event.delete()
    with pytest.raises(PermissionDenied):
        LoanEvent.objects.update(kind="lent")
    with pytest.raises(PermissionDenied):
        LoanEvent.objects.all().delete()


def test_overdue_means_out_after_its_due_date(make_device, lend, classroom):
    _cohort, _teacher, amina, ahmad = classroom
    week_ago = TODAY - datetime.timedelta(days=7)
    late = lend(make_device("A"), amina, lent_on=week_ago, due_back=TODAY - datetime.timedelta(1))
    lend(make_device("B"), ahmad, lent_on=week_ago, due_back=TODAY)
    assert list(Loan.objects.overdue(TODAY)) == [late]


def test_the_history_keeps_the_agreement_date_the_day_lent_and_that_notes_were_written(
    make_device, classroom, manager
):
    """Who reads the device's history sees when the agreement was signed and
    that notes were written at the desk, not only that it was signed."""
    from classes.loans.services import lend_device

    _cohort, _teacher, amina, _ahmad = classroom
    device = make_device()
    signed_on = TODAY - datetime.timedelta(days=2)
    lend_device(
        device,
        amina,
        by=manager,
        lent_on=TODAY,
        due_back=TODAY + datetime.timedelta(weeks=4),
        agreement_signed=True,
        agreement_signed_on=signed_on,
        notes="Charger included",
    )
    return_device(device, by=manager, returned_on=TODAY, condition="good", notes="Case cracked")
    lent, returned = LoanEvent.objects.filter(device=device).order_by("pk")[1:]
    assert lent.changes["lent_on"] == [None, TODAY.isoformat()]
    assert lent.changes["agreement_signed_on"] == [None, signed_on.isoformat()]
    # That notes were written, not the words: those stay on the loan alone and
    # are erased with the student.
    assert lent.changes["notes"] == [None, True]
    assert returned.changes["notes"] == [None, True]
    assert "Charger included" not in str(lent.changes)
    words = [name for name, *_values in lent.readable_changes]
    assert "agreement signed on" in [str(w).lower() for w in words]
