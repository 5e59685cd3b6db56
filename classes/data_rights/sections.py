"""What export and erasure do with each kind of a student's data. Erasure keeps
only what funder reports count (enrollments, attendance minutes, test results,
whether work was handed in), attached to an account that no longer names anyone."""

from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db.models import F, Q

from classes.models import (
    AccessAuditEntry,
    Assessment,
    Attendance,
    BreakoutGroup,
    DeviceNeed,
    Enrollment,
    Feedback,
    IntakeEntry,
    IntakeProfile,
    JoinRequest,
    Loan,
    LoanEvent,
    Message,
    Mute,
    Notice,
    NoticeSettings,
    Report,
    StudyTime,
    Submission,
    SubmissionFile,
    SubmissionVersion,
)
from learning.models import OutgoingEmail
from packets.models import FlashcardProgress

ERASED_TEXT = "deleted"


def rows(queryset, *fields, **renamed):
    """values() of the fields, and of related fields under a plain name."""
    named = {name: F(path) for name, path in renamed.items()}
    return list(queryset.order_by("pk").values(*fields, **named))


# --- the account ---------------------------------------------------------------


def account(student):
    return {
        "id": student.pk,
        "username": student.username,
        "display_name": student.display_name,
        "first_name": student.first_name,
        "last_name": student.last_name,
        "email": student.email,
        "preferred_language": student.preferred_language,
        "password_is_temporary": student.password_is_temporary,
        "date_joined": student.date_joined,
        "last_login": student.last_login,
        "active": student.is_active,
        "roles": sorted(student.groups.values_list("name", flat=True)),
    }


def anonymise_account(student):
    """The account stays (records count it) but names no one and opens nothing."""
    User = get_user_model()
    User.objects.filter(pk=student.pk).update(
        username=f"erased-{student.pk}",
        display_name="",
        first_name="",
        last_name="",
        email="",
        preferred_language="en",
        password_is_temporary=False,
        is_active=False,
        last_login=None,
        password="!erased",  # unusable: no password matches
    )


def email_addresses(student):
    from allauth.account.models import EmailAddress

    return rows(EmailAddress.objects.filter(user=student), "email", "verified", "primary")


def erase_email_addresses(student):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(user=student).delete()


def end_sign_ins(student):
    """Every session of the student ends (their data names their id)."""
    for session in Session.objects.iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(student.pk):
            session.delete()


# --- classes -------------------------------------------------------------------


def enrollments(student):
    return rows(
        Enrollment.objects.filter(student=student),
        "status",
        "enrolled_on",
        "ended_on",
        "paper_packets",
        class_name="cohort__name",
        level="cohort__level__title",
    )


def join_requests(student):
    return rows(
        JoinRequest.objects.filter(student=student),
        "status",
        "requested_at",
        "decided_at",
        class_name="cohort__name",
    )


def attendance(student):
    return rows(
        Attendance.objects.filter(student=student),
        "status",
        "minutes",
        "recorded_at",
        class_name="session__cohort__name",
        session_starts_at="session__starts_at",
    )


def work(student):
    submissions = Submission.objects.filter(student=student).select_related("assignment", "cohort")
    return [
        {
            "assignment": submission.assignment.title,
            "class": submission.cohort.name if submission.cohort else None,
            "status": submission.status,
            "submitted_at": submission.submitted_at,
            "late": submission.is_late,
            "score": submission.score,
            "draft": submission.draft_text,
            "versions": rows(
                submission.versions.all(), "number", "text", "answers", "quiz_score", "submitted_at"
            ),
            "feedback": rows(submission.feedback.all(), "text", "score", "status", "created_at"),
            "files": [f.file.name.rsplit("/", 1)[-1] for f in submission.files.all()],
        }
        for submission in submissions.order_by("pk")
    ]


def erase_work(student):
    """Files and words go; that work was handed in (and when) stays for counts."""
    files = SubmissionFile.objects.filter(submission__student=student)
    for stored in files:
        stored.file.delete(save=False)
    files.delete()
    SubmissionVersion.objects.filter(submission__student=student).update(text="", answers={})
    Feedback.objects.filter(submission__student=student).update(text="")
    Submission.objects.filter(student=student).update(draft_text="")


def assessments(student):
    return rows(
        Assessment.objects.filter(student=student),
        "test",
        "form",
        "taken_on",
        "scale_score",
        "phase",
        "nrs_level",
    )


# --- device loans ---------------------------------------------------------------


def device_loans(student):
    return rows(
        Loan.objects.filter(student=student),
        "lent_on",
        "due_back",
        "returned_on",
        "condition_on_return",
        "agreement_signed",
        "agreement_signed_on",
        "notes",
        asset_tag="device__asset_tag",
        kind="device__kind",
    )


def erase_loan_notes(student):
    """Loans stay, naming no one (the program's devices and where they went);
    their notes, which staff may have written about the student, are erased."""
    Loan.objects.filter(student=student).update(notes="")


def device_need(student):
    return rows(DeviceNeed.objects.filter(student=student), "has_no_device", "updated_at")


def loan_history(student):
    return rows(LoanEvent.objects.filter(student=student), "at", "kind", "changes")


# --- chat ----------------------------------------------------------------------


def chat_messages(student):
    return rows(
        Message.objects.filter(author=student),
        "kind",
        "text",
        "sent_at",
        "deleted_at",
        class_name="room__cohort__name",
        group="room__group__name",
    )


def erase_chat_messages(student):
    """Classmates see "deleted" where the student's words were."""
    Message.objects.filter(author=student).update(text=ERASED_TEXT, link="", client_id="")


def reports_made(student):
    return rows(Report.objects.filter(reporter=student), "reason", "created_at")


def mutes(student):
    return rows(Mute.objects.filter(student=student), "until", class_name="cohort__name")


def breakout_groups(student):
    return rows(BreakoutGroup.objects.filter(members=student), "name", "opened_at", "closed_at")


# --- the rest ------------------------------------------------------------------


def flashcard_progress(student):
    return rows(
        FlashcardProgress.objects.filter(student=student),
        "item_id",
        "reviews",
        "lapses",
        "last_review",
        packet_title="packet__title",
    )


def study_time(student):
    return rows(StudyTime.objects.filter(student=student), "kind", "day", "seconds", "packet_title")


def notices(student):
    return rows(Notice.objects.filter(recipient=student), "kind", "params", "created_at", "read_at")


def notice_settings(student):
    return rows(NoticeSettings.objects.filter(user=student), "channels", "daily_digest")


def emails(student):
    return rows(
        OutgoingEmail.objects.filter(recipient=student),
        "subject",
        "status",
        "created_at",
        "sent_at",
    )


def record_access(student):
    """Who opened or exported the student's records (the audit names them by id)."""
    entries = AccessAuditEntry.objects.select_related("actor").order_by("pk")
    return [
        {"at": entry.at, "action": entry.action, "by": entry.actor.name}
        for entry in entries.iterator()
        if student.pk in entry.student_ids
    ]


# --- intake (for the federal tables) ----------------------------------------------


def intake_profile(student):
    fields = ("date_of_birth", "date_of_birth_declined", "sex", "ethnicity", "races")
    return rows(IntakeProfile.objects.filter(student=student), *fields, "races_declined")


def intake_entries(student):
    fields = ("entry_date", "program_type", "employment", "schooling", "schooled_in")
    return rows(
        IntakeEntry.objects.filter(student=student), *fields, "barriers", "barriers_declined"
    )


def delete_rows(model, field="student"):
    def erase(student):
        model.objects.filter(Q(**{field: student})).delete()

    erase.__doc__ = f"{model.__name__} rows of the student are deleted."
    return erase


def keep(reason):
    def erase(student):
        return None

    erase.__doc__ = reason
    return erase
