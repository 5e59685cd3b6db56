"""A borrower hears from the morning run three days before their device is due
back, once per loan and due date; nobody else, and nothing for a returned loan."""

from datetime import timedelta

import pytest
from django.utils import timezone

from classes.loans.services import add_device, lend_device, return_device
from classes.models import Notice, NoticeKind
from classes.notices.tasks import next_morning, run_morning

pytestmark = pytest.mark.django_db


def lend(manager, student, tag, due_in_days, morning):
    device = add_device(by=manager, kind="tablet", asset_tag=tag, model_name="Tab A")
    today = timezone.localdate(morning)
    return lend_device(
        device,
        student,
        by=manager,
        lent_on=today - timedelta(days=20),
        due_back=today + timedelta(days=due_in_days),
    )


def test_the_borrower_is_told_three_days_ahead_once(cohort, manager):
    morning = next_morning()
    lend(manager, cohort.amina, "HBR-T-7", 3, morning)
    lend(manager, cohort.gul, "HBR-T-8", 4, morning)
    run_morning(morning)
    run_morning(morning + timedelta(hours=2))
    notices = Notice.objects.filter(kind=NoticeKind.DEVICE_DUE)
    assert [n.recipient_id for n in notices] == [cohort.amina.pk]
    assert notices[0].params["device"] == "Tablet HBR-T-7"
    due = timezone.localdate(morning) + timedelta(days=3)
    assert notices[0].params["due"] == due.isoformat()


def test_a_device_already_back_is_not_asked_for(cohort, manager):
    morning = next_morning()
    loan = lend(manager, cohort.amina, "HBR-T-9", 3, morning)
    return_device(
        loan.device, by=manager, returned_on=timezone.localdate(morning), condition="good"
    )
    run_morning(morning)
    assert not Notice.objects.filter(kind=NoticeKind.DEVICE_DUE).exists()
