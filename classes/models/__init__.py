"""People over time: classes (cohorts), enrollments, sessions, attendance and its history,
and the log of packets emailed to a class."""

from classes.models.attendance import Attendance, AttendanceChange, AttendanceStatus
from classes.models.cohorts import Class, ClassMode, Enrollment, EnrollmentStatus
from classes.models.mailings import PacketMailing
from classes.models.sessions import Session

__all__ = [
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
