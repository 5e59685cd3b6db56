"""A notice exists if and only if its change was saved, and belongs to its
recipient's data: in their export, gone when they are erased."""

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from classes.data_rights.erase import erase_student
from classes.data_rights.export import student_document
from classes.models import Notice, NoticeKind
from classes.notices.services import notify
from classes.schedule import set_cancelled
from tests.classes.notices.conftest import future_session, unread

pytestmark = pytest.mark.django_db


class RolledBack(Exception):
    pass


def test_a_change_rolled_back_leaves_no_notice_and_no_email_task(cohort):
    tasks_before = DBTaskResult.objects.count()
    with pytest.raises(RolledBack), transaction.atomic():
        set_cancelled(future_session(cohort), True, by=cohort.teacher)
        raise RolledBack
    assert not Notice.objects.exists()
    assert DBTaskResult.objects.count() == tasks_before
    assert unread(cohort.amina) == 0


def test_a_student_s_notices_are_exported_and_erased(cohort, manager):
    notify([cohort.amina], NoticeKind.NEW_PACKET, {"title": "Week 5", "page_id": 1})
    document = student_document(cohort.amina)
    assert [n["kind"] for n in document["notices"]] == [NoticeKind.NEW_PACKET]
    erase_student(cohort.amina, by=manager, target="/records/students/erase/")
    assert not Notice.objects.filter(recipient=cohort.amina).exists()
    assert unread(cohort.amina) == 0
