"""Every model that refers to a person, and what a student's export and erasure
do with it. tests/classes/test_data_rights.py fails when a model with a link to
a user is in neither table, so new data cannot slip past a student's rights."""

from dataclasses import dataclass

from classes.data_rights import sections as s
from classes.models import DeviceNeed, IntakeEntry, IntakeProfile, JoinRequest, Mute, Report
from classes.notices.services import erase_notices
from classes.practice import data_rights as practice
from learning.models import OutgoingEmail
from packets.models import FlashcardProgress


@dataclass(frozen=True)
class Rule:
    section: str  # the key in the export's JSON ("" when it rides in another's)
    export: object  # student -> JSON-able, or None
    erase: object  # student -> None; its docstring says what happens


STUDENT_DATA = {
    "learning.User": Rule("account", s.account, s.anonymise_account),
    "learning.User_groups": Rule("", None, s.keep("The role stays: counts of students.")),
    "account.EmailAddress": Rule("email_addresses", s.email_addresses, s.erase_email_addresses),
    "learning.OutgoingEmail": Rule("emails", s.emails, s.delete_rows(OutgoingEmail, "recipient")),
    "classes.Enrollment": Rule(
        "enrollments",
        s.enrollments,
        s.keep("Enrollments stay, naming no one: participants and periods are counted from them."),
    ),
    "classes.JoinRequest": Rule("join_requests", s.join_requests, s.delete_rows(JoinRequest)),
    "classes.Attendance": Rule(
        "attendance",
        s.attendance,
        s.keep("Attendance stays, naming no one: contact hours in funder reports."),
    ),
    "classes.Submission": Rule("work", s.work, s.erase_work),
    "classes.Assessment": Rule(
        "assessments",
        s.assessments,
        s.keep("Test results stay, naming no one: levels and measurable skill gains."),
    ),
    "classes.Message": Rule("chat_messages", s.chat_messages, s.erase_chat_messages),
    "classes.Report": Rule("chat_reports_made", s.reports_made, s.delete_rows(Report, "reporter")),
    "classes.Mute": Rule("chat_mutes", s.mutes, s.delete_rows(Mute)),
    "classes.BreakoutGroup_members": Rule(
        "breakout_groups",
        s.breakout_groups,
        s.keep("Group membership stays, naming no one: the groups' sizes."),
    ),
    "classes.PracticeMembership": Rule(
        "practice_groups", practice.practice_groups, practice.leave_groups
    ),
    "classes.PracticeGroup": Rule(
        "practice_groups_started",
        practice.groups_started,
        s.keep("Erased with the student's places (practice_groups): closed, name cleared."),
    ),
    "packets.FlashcardProgress": Rule(
        "flashcard_progress", s.flashcard_progress, s.delete_rows(FlashcardProgress)
    ),
    "classes.StudyTime": Rule(
        "clock_time",
        s.study_time,
        s.keep("Clock time stays, naming no one: proxy hours in funder reports."),
    ),
    "classes.AccessAuditEntry": Rule(
        "record_access",
        s.record_access,
        s.keep("The audit is append-only and names students by id only."),
    ),
    "classes.Loan": Rule(
        "device_loans",
        s.device_loans,
        s.erase_loan_notes,
    ),
    "classes.LoanEvent": Rule(
        "device_loan_history",
        s.loan_history,
        s.keep("The loan history is append-only, like the audit."),
    ),
    "classes.DeviceNeed": Rule("device_need", s.device_need, s.delete_rows(DeviceNeed)),
    "classes.Notice": Rule("notices", s.notices, erase_notices),
    "classes.NoticeSettings": Rule(
        "notice_settings", s.notice_settings, s.keep("Erased with the notices.")
    ),
    "classes.IntakeProfile": Rule("intake_profile", s.intake_profile, s.delete_rows(IntakeProfile)),
    "classes.IntakeEntry": Rule("intake_at_entry", s.intake_entries, s.delete_rows(IntakeEntry)),
    "sessions.Session": Rule("", None, s.end_sign_ins),
}

# Models that link to users but hold no student's data: they record what staff
# did (students never use the Wagtail admin) or link a teacher to a class.
NOT_STUDENT_DATA = {
    "learning.User_user_permissions": "Permissions are given to staff only.",
    "classes.AttendanceChange": "Changes made by teachers to attendance.",
    "classes.BreakoutGroup": "Opened by a teacher.",
    "classes.Class_teachers": "Teachers of a class.",
    "classes.Class": "Teachers of a class.",
    "classes.PacketMailing": "Sent by a teacher.",
    "classes.NrsSnapshot": "Frozen by a manager: counts, naming no one.",
    "classes.Session": "Changed by a teacher.",
    "classes.Feedback": "Written by a teacher; exported and erased with the student's work.",
    "home.HomePage": "Pages are owned and locked by staff.",
    "home.HelpIndexPage": "Pages are owned and locked by staff.",
    "home.GuidePage": "Pages are owned and locked by staff.",
    "packets.LevelPage": "Pages are owned and locked by staff.",
    "packets.PacketPage": "Pages are owned and locked by staff.",
    "packets.AssignmentPage": "Pages are owned and locked by staff.",
    "wagtailcore.Page": "Pages are owned and locked by staff.",
    "wagtailusers.UserProfile": "Admin preferences of staff.",
    "wagtaildocs.Document": "Uploaded by staff.",
    "wagtailimages.Image": "Uploaded by staff.",
    "wagtailadmin.EditingSession": "Admin editing by staff.",
    "wagtailadmin.FormState": "Admin forms of staff.",
    "wagtailcore.APIToken": "Admin API tokens of staff.",
    "wagtailcore.ModelLogEntry": "Admin actions of staff.",
    "wagtailcore.Revision": "Page revisions by staff.",
    "wagtailcore.UploadedFile": "Admin uploads by staff.",
    "wagtailcore.WorkflowState": "Page workflows of staff.",
    "wagtailcore.TaskState": "Page workflows of staff.",
    "wagtailcore.PageLogEntry": "Admin actions of staff.",
    "wagtailcore.Comment": "Comments on pages in the admin, by staff.",
    "wagtailcore.CommentReply": "Comments on pages in the admin, by staff.",
    "wagtailcore.PageSubscription": "Page comment subscriptions of staff.",
}
