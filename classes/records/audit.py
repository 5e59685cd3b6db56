"""Every time staff open a student's record or export rows about students, an entry
is written: who, when, what, which students. Managers read it; nobody changes it."""

from classes.models import AccessAuditEntry, AuditAction

TARGET_LENGTH = AccessAuditEntry._meta.get_field("target").max_length


def record_access(actor, action: AuditAction, target: str, student_ids=(), row_count=0):
    """Write one audit entry. `target` names what was opened (a URL with its filters)."""
    ids = sorted({int(pk) for pk in student_ids})
    return AccessAuditEntry.objects.create(
        actor=actor,
        action=action,
        target=target[:TARGET_LENGTH],
        student_ids=ids,
        row_count=row_count or len(ids),
    )


def audit_request(request, action: AuditAction, student_ids=(), row_count=0):
    """The same, naming the request's path and query string as the target."""
    return record_access(request.user, action, request.get_full_path(), student_ids, row_count)
