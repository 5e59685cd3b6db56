"""People over time: classes (cohorts), enrollments, sessions, attendance and its history,
and the log of packets emailed to a class."""

from classes.models.attendance import Attendance, AttendanceChange, AttendanceStatus
from classes.models.chat import BreakoutGroup, Message, MessageKind, Mute, Report, Room
from classes.models.cohorts import Class, ClassMode, Enrollment, EnrollmentStatus
from classes.models.mailings import PacketMailing
from classes.models.sessions import Session

__all__ = [
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
    "PacketMailing",
    "Session",
]
