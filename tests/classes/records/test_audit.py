"""The access audit: managers read it, newest first; nobody changes or deletes it."""

import pytest
from django.core.exceptions import PermissionDenied

from classes.models import AccessAuditEntry, AuditAction
from classes.records.audit import record_access
from classes.records.views import AUDIT_PAGE_SIZE


@pytest.fixture
def entry(teacher, student):
    return record_access(teacher, AuditAction.VIEW_RECORD, "/records/students/1/", [student.pk])


def test_an_entry_cannot_be_changed(entry):
    entry.target = "/elsewhere/"
    with pytest.raises(PermissionDenied):
        entry.save()
    with pytest.raises(PermissionDenied):
        AccessAuditEntry.objects.filter(pk=entry.pk).update(target="/elsewhere/")
    assert AccessAuditEntry.objects.get().target == "/records/students/1/"


def test_an_entry_cannot_be_deleted(entry):
    with pytest.raises(PermissionDenied):
        entry.delete()
    with pytest.raises(PermissionDenied):
        AccessAuditEntry.objects.all().delete()
    with pytest.raises(PermissionDenied):
        AccessAuditEntry.objects.filter(pk=entry.pk).delete()
    assert AccessAuditEntry.objects.count() == 1


def test_managers_read_the_audit_newest_first_page_by_page(login, manager, teacher, student):
    for number in range(AUDIT_PAGE_SIZE + 3):
        target = f"/records/students/{number}/"
        record_access(teacher, AuditAction.VIEW_RECORD, target, [student.pk])
    client = login(manager)
    first = client.get("/records/audit/").content.decode()
    assert first.index(f"/records/students/{AUDIT_PAGE_SIZE + 2}/") < first.index(
        f"/records/students/{AUDIT_PAGE_SIZE + 1}/"
    )
    assert "/records/students/0/<" not in first
    assert "Page 1 of 2" in first and "Amina Yusuf" in first and "Sarah Collins" in first
    second = client.get("/records/audit/?page=2").content.decode()
    assert "/records/students/0/<" in second
    assert client.get("/records/audit/?page=oops").status_code == 200


def test_only_managers_read_the_audit(login, teacher, student, entry):
    assert login(teacher).get("/records/audit/").status_code == 403


def test_the_audit_has_no_page_to_change_or_delete(login, manager, entry):
    client = login(manager)
    for url in (f"/records/audit/{entry.pk}/", f"/records/audit/{entry.pk}/delete/"):
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    assert client.post("/records/audit/").status_code == 200  # a read; nothing changes
    assert AccessAuditEntry.objects.count() == 1
