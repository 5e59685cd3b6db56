"""People over time: classes (cohorts), enrollments, sessions, attendance and its
history, the log of packets emailed to a class, students' work with its feedback,
device loans, intake for the federal tables, standardized assessments and the audit
of who opened students' records."""

from classes.models.attendance import Attendance, AttendanceChange, AttendanceStatus
from classes.models.chat import BreakoutGroup, Message, MessageKind, Mute, Report, Room
from classes.models.cohorts import (
    Class,
    ClassMode,
    Enrollment,
    EnrollmentStatus,
    JoinRequest,
    JoinRequestStatus,
)
from classes.models.intake import IntakeEntry, IntakeProfile
from classes.models.loans import (
    Condition,
    Device,
    DeviceKind,
    DeviceNeed,
    DeviceStatus,
    Loan,
    LoanEvent,
    LoanEventKind,
)
from classes.models.mailings import PacketMailing
from classes.models.notices import Channel, EmailPlan, Notice, NoticeKind, NoticeSettings
from classes.models.nrs import NrsSnapshot
from classes.models.practice import (
    MembershipStatus,
    PracticeGroup,
    PracticeKind,
    PracticeMembership,
    Weekday,
)
from classes.models.records import (
    AccessAuditEntry,
    Assessment,
    AssessmentPhase,
    AssessmentTest,
    AuditAction,
    TestMode,
)
from classes.models.sessions import Session
from classes.models.study import StudyKind, StudyTime
from classes.models.submissions import (
    Feedback,
    FeedbackStatus,
    FileKind,
    Submission,
    SubmissionFile,
    SubmissionStatus,
    SubmissionVersion,
)
from classes.models.test_catalog import ScoreBand, TestForm, TestInstrument

__all__ = [
    "StudyKind",
    "StudyTime",
    "NrsSnapshot",
    "IntakeEntry",
    "IntakeProfile",
    "MembershipStatus",
    "PracticeGroup",
    "PracticeKind",
    "PracticeMembership",
    "Weekday",
    "BreakoutGroup",
    "Message",
    "MessageKind",
    "Mute",
    "Report",
    "Room",
    "Attendance",
    "AttendanceChange",
    "AttendanceStatus",
    "Class",
    "ClassMode",
    "Enrollment",
    "EnrollmentStatus",
    "JoinRequest",
    "JoinRequestStatus",
    "PacketMailing",
    "Condition",
    "Device",
    "DeviceKind",
    "DeviceNeed",
    "DeviceStatus",
    "Loan",
    "LoanEvent",
    "LoanEventKind",
    "Channel",
    "EmailPlan",
    "Notice",
    "NoticeKind",
    "NoticeSettings",
    "Session",
    "AccessAuditEntry",
    "Assessment",
    "AssessmentPhase",
    "AssessmentTest",
    "AuditAction",
    "TestMode",
    "ScoreBand",
    "TestForm",
    "TestInstrument",
    "Feedback",
    "FeedbackStatus",
    "FileKind",
    "Submission",
    "SubmissionFile",
    "SubmissionStatus",
    "SubmissionVersion",
]
