"""Every standardized export by its name in the URL."""

from classes.records.exports.assessments import ASSESSMENTS
from classes.records.exports.attendance import ATTENDANCE
from classes.records.exports.loans import LOANS
from classes.records.exports.nrs_table import NRS_TABLE_4
from classes.records.exports.students import STUDENTS
from classes.records.exports.submissions import SUBMISSIONS

EXPORTS = {
    export.name: export
    for export in (STUDENTS, ATTENDANCE, SUBMISSIONS, ASSESSMENTS, NRS_TABLE_4, LOANS)
}
FORMATS = ("csv", "xlsx")
