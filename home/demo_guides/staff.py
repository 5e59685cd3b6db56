"""The demo's guides for teachers and managers (English: the staff's language
in the demo). Steps: (screenshot name, sentence), as in __init__.py."""


def guide(slug, audience, title, summary, steps):
    return {
        "slug": slug,
        "audience": audience,
        "title": {"en": title},
        "summary": {"en": summary},
        "steps": [(shot, {"en": text}) for shot, text in steps],
        "before_sign_in": False,
    }


TEACHER_GUIDES = [
    guide(
        "publish-a-packet",
        "teachers",
        "Publish a packet",
        "Put this week's classwork online for your level.",
        [
            (
                "teacher-admin-level",
                "In Publish, open Pages, then your level, and choose + (Add child page).",
            ),
            (
                "teacher-admin-new-packet",
                "Give the packet a title, a week number and a summary; add readings, "
                "pictures and words to the body, then choose Publish.",
            ),
        ],
    ),
    guide(
        "take-the-roll",
        "teachers",
        "Take the roll",
        "Record who came to a session; the records count contact hours from it.",
        [
            ("teacher-class", "Open your class from your home page and find the session."),
            (
                "teacher-roll",
                "Mark each student present, late or absent, with their minutes, and save.",
            ),
        ],
    ),
    guide(
        "review-work",
        "teachers",
        "Review students' work",
        "Read, look at and listen to what students hand in, and answer them.",
        [
            ("teacher-review-queue", "Open Work to review: the oldest work waits at the top."),
            (
                "teacher-submission",
                "Open a piece of work, write your feedback and a score, then send it.",
            ),
        ],
    ),
    guide(
        "run-breakouts",
        "teachers",
        "Run breakout groups",
        "Split the class chat into small groups for conversation practice.",
        [
            ("teacher-chat", "Open the class chat: you see every message and can remove one."),
            (
                "teacher-breakouts",
                "Choose Breakout groups, put students into groups and open them.",
            ),
        ],
    ),
    guide(
        "email-a-packet",
        "teachers",
        "Email a packet to the class",
        "Students with an email address get the packet in their mailbox.",
        [
            (
                "teacher-send-packet",
                "On your class page, choose the packet under Email a packet and send it.",
            ),
            (
                "teacher-mailing",
                "Harbor says who gets it and who has no email: reach them another way. "
                "The class page shows each email's status.",
            ),
        ],
    ),
]

MANAGER_GUIDES = [
    guide(
        "read-the-dashboard",
        "managers",
        "Read the dashboard",
        "See how every level is doing: attendance, contact hours, completed work.",
        [
            ("manager-dashboard", "From your home page, open Progress per level."),
            (
                "manager-level",
                "Choose a level to compare its classes, then a class or a student.",
            ),
        ],
    ),
    guide(
        "record-test-results",
        "managers",
        "Record test results",
        "Enter a student's standardized test (pre-test or post-test) for the records.",
        [
            ("manager-student", "Open the student from their class's records."),
            (
                "manager-assessment",
                "Choose Record a test result, fill in the test, the date and the score, and save.",
            ),
        ],
    ),
    guide(
        "export-for-funders",
        "managers",
        "Export records for funders",
        "Download students, attendance, work and tests as CSV or XLSX.",
        [
            (
                "manager-exports",
                "On Progress per level, choose the period (and a level or class) and tap Show.",
            ),
            (
                "manager-exports",
                "Under Download the records, tap CSV or XLSX beside the records you need: "
                "the file holds the period, level or class the page shows.",
            ),
        ],
    ),
    guide(
        "lend-a-device",
        "managers",
        "Lend a device",
        "Keep track of the phones, tablets and hotspots the program lends to students.",
        [
            (
                "manager-loans",
                "On your home page, open Device loans and choose an available device.",
            ),
            (
                "manager-loans",
                "Under Lend it, choose the student and the due date, and save. "
                "When it comes back, fill in Take it back.",
            ),
        ],
    ),
]
