"""What each role gets from every route, GET and POST: the access table of
docs/security.md as data. The world's ids all point at class A's things (its
chat, students, sessions, mailing, a submission of student1), so "student" is
the student of the class and "other_student" a student of another class.

A route the URLconf gains without an entry here fails the matrix: whoever adds
it decides, in this table, who may use it."""

from tests.surface.requests import LOGIN, NOT_ALLOWED, OK, PASSWORD, REFUSED
from tests.surface.samples import is_admin
from tests.surface.world import ROLES

ANY = "any"  # Wagtail's own permission policies decide (tests/packets/test_admin_permissions.py)


def who(anonymous, student, other_student, withdrawn, teacher, other_teacher, manager):
    outcomes = (anonymous, student, other_student, withdrawn, teacher, other_teacher, manager)
    return dict(zip(ROLES, outcomes, strict=True))


R = REFUSED
EVERYONE = who(OK, OK, OK, OK, OK, OK, OK)
SIGNED_IN = who(LOGIN, OK, OK, OK, OK, OK, OK)
CLASS_MEMBERS = who(LOGIN, OK, R, R, OK, R, OK)
CLASS_STAFF = who(LOGIN, R, R, R, OK, R, OK)
STAFF = who(LOGIN, R, R, R, OK, OK, OK)
MANAGERS = who(LOGIN, R, R, R, R, R, OK)
# A practice group: student1's own (and, for accept/decline, the one inviting
# them). Teachers and managers are refused: they see groups on the class page
# and read messages only when reported (docs/practice-groups.md).
PRACTICE = who(LOGIN, OK, R, R, R, R, R)
# Starting one: students in a class (the withdrawn student is in none).
PRACTICE_STARTERS = who(LOGIN, OK, OK, R, R, R, R)
# Packets, decks and pictures of the class's level: Harbor's levels ask only for
# a sign-in (a student reads every level's packets, as on paper).
READERS = SIGNED_IN
# A packet behind a password: everyone meets Wagtail's password form.
PASSWORD_FORM = who(LOGIN, PASSWORD, PASSWORD, PASSWORD, PASSWORD, PASSWORD, PASSWORD)
PRIVATE = who(LOGIN, R, R, R, R, R, R)
# Wagtail's admin: anonymous visitors and students are sent to its sign-in door,
# which answers a signed-in student with a 403 page that says it is for staff
# (tests/learning/test_one_sign_in_door.py).
ADMIN = who(LOGIN, LOGIN, LOGIN, LOGIN, ANY, ANY, ANY)
ALL_405 = who(*[NOT_ALLOWED] * 7)
NOTHING = who(*[REFUSED] * 7)  # a path that can name nothing: 404 for everyone


def only_post(profile):
    """GET of a POST-only view: anonymous visitors are sent to sign in first."""
    return {role: LOGIN if outcome == LOGIN else NOT_ALLOWED for role, outcome in profile.items()}


def only_get(profile):
    return only_post(profile)


def same(profile):
    return profile, profile


# route template -> (GET, POST)
ROUTES = {
    "_util/login/": same(SIGNED_IN),  # Harbor's door: anonymous -> /accounts/login/
    # Wagtail's page password form (the world's packet's): asked again without one.
    "_util/authenticate_with_password/<id:page_view_restriction_id>/<id:page_id>/": same(
        who(*[PASSWORD] * 7)
    ),
    "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/": same(
        who(*[PASSWORD] * 7)
    ),
    # The world holds no document behind a password: the id is any collection
    # restriction's, and Wagtail's form answers as it sees fit (never a 5xx).
    "documents/authenticate_with_password/<id:restriction_id>/": same(who(*[ANY] * 7)),
    "documents/authenticate_with_password/<int:restriction_id>/": same(who(*[ANY] * 7)),
    "healthz": (EVERYONE, ALL_405),
    "favicon.ico": (EVERYONE, ALL_405),
    "manifest.webmanifest": (EVERYONE, ALL_405),
    "sw.js": (EVERYONE, ALL_405),
    "offline/": (EVERYONE, ALL_405),
    "accounts/email/": same(SIGNED_IN),
    "accounts/login/": same(EVERYONE),
    "accounts/logout/": same(EVERYONE),
    "accounts/inactive/": (EVERYONE, ALL_405),
    "accounts/signup/": same(EVERYONE),  # closed by default: the page says so
    "accounts/reauthenticate/": same(SIGNED_IN),
    "accounts/confirm-email/": (EVERYONE, ALL_405),
    "accounts/password/change/": same(SIGNED_IN),
    "accounts/password/set/": same(SIGNED_IN),
    "accounts/password/reset/": same(EVERYONE),
    "accounts/login/code/confirm/": same(SIGNED_IN),
    "accounts/password/reset/key/done/": (EVERYONE, ALL_405),
    "accounts/password/reset/done/": (EVERYONE, ALL_405),
    "i18n/setlang/": (ALL_405, EVERYONE),
    # The first sign-in's steps (learning/welcome/): the world's users have their
    # own passwords, so the password step sends them to allauth's change page.
    "welcome/language/": same(SIGNED_IN),
    "welcome/password/": same(SIGNED_IN),
    "welcome/guide/": (SIGNED_IN, only_get(SIGNED_IN)),
    "welcome/guide/<str:panel>/": (SIGNED_IN, only_get(SIGNED_IN)),
    "classes/<id:class_id>/chat/": same(CLASS_MEMBERS),
    "classes/<id:class_id>/groups/<id:group_id>/chat/": same(CLASS_MEMBERS),
    "classes/<id:class_id>/chat/messages/<id:message_id>/delete/": (
        only_post(SIGNED_IN),
        CLASS_STAFF,  # students cannot delete, not even their own message
    ),
    "classes/<id:class_id>/chat/messages/<id:message_id>/report/": (
        only_post(SIGNED_IN),
        CLASS_MEMBERS,
    ),
    "classes/<id:class_id>/chat/mute/": (only_post(SIGNED_IN), CLASS_STAFF),
    "classes/<id:class_id>/chat/reports/": same(CLASS_STAFF),
    "classes/<id:class_id>/chat/phrase/": (only_post(SIGNED_IN), CLASS_STAFF),
    "classes/<id:class_id>/breakouts/": same(CLASS_STAFF),
    "packets/find/": same(STAFF),
    "practice/new/": same(PRACTICE_STARTERS),
    "practice/<id:practice_id>/": same(PRACTICE),
    "practice/<id:practice_id>/invite/": (only_post(SIGNED_IN), PRACTICE),
    "practice/<id:practice_id>/members/<id:student_id>/remove/": (only_post(SIGNED_IN), PRACTICE),
    "practice/<id:practice_id>/close/": (only_post(SIGNED_IN), PRACTICE),
    "practice/<id:practice_id>/leave/": (only_post(SIGNED_IN), PRACTICE),
    "practice/<id:practice_id>/accept/": (only_post(SIGNED_IN), PRACTICE),
    "practice/<id:practice_id>/decline/": (only_post(SIGNED_IN), PRACTICE),
    "practice/<id:practice_id>/messages/<id:message_id>/report/": (
        only_post(SIGNED_IN),
        PRACTICE,
    ),
    "classes/": same(SIGNED_IN),  # each sees their own classes; a manager all
    "classes/join/": same(SIGNED_IN),
    "classes/new/": same(STAFF),
    "classes/<id:class_id>/": same(CLASS_MEMBERS),
    "classes/<id:class_id>/code/": (only_post(SIGNED_IN), CLASS_STAFF),
    "classes/<id:class_id>/place/": same(CLASS_STAFF),
    "classes/<id:class_id>/share-language/": same(CLASS_STAFF),
    "classes/<id:class_id>/attendance.csv": same(CLASS_STAFF),
    "classes/<id:class_id>/students/add/": same(CLASS_STAFF),
    "classes/<id:class_id>/students/cards/": same(CLASS_STAFF),
    "classes/<id:class_id>/students/<id:enrollment_id>/withdraw/": same(CLASS_STAFF),
    "classes/<id:class_id>/students/<id:enrollment_id>/password/": same(CLASS_STAFF),
    "classes/<id:class_id>/students/<id:enrollment_id>/enroll-again/": (
        only_post(SIGNED_IN),
        CLASS_STAFF,
    ),
    # Paper packets on or off for a student (classes/contact.py).
    "classes/<id:class_id>/students/<id:enrollment_id>/channel/": (
        only_post(SIGNED_IN),
        CLASS_STAFF,
    ),
    "classes/<id:class_id>/join-requests/<id:request_id>/": (only_post(SIGNED_IN), CLASS_STAFF),
    "classes/<id:class_id>/sessions/add/": same(CLASS_STAFF),
    "classes/<id:class_id>/sessions/<id:session_id>/": same(CLASS_STAFF),
    "classes/<id:class_id>/sessions/<id:session_id>/cancel/": (only_post(SIGNED_IN), CLASS_STAFF),
    "classes/<id:class_id>/sessions/<id:session_id>/attendance/": same(CLASS_STAFF),
    "classes/<id:class_id>/send-packet/": (only_post(SIGNED_IN), CLASS_STAFF),
    "classes/<id:class_id>/mailings/<id:mailing_id>/retry/": (only_post(SIGNED_IN), CLASS_STAFF),
    "classes/<id:class_id>/submissions/": (CLASS_STAFF, only_get(SIGNED_IN)),
    "classes/<id:class_id>/assignments/": (CLASS_STAFF, only_get(SIGNED_IN)),
    # A student's own work; teachers give feedback by POST, the author may not.
    "submissions/<id:submission_id>/": (
        CLASS_MEMBERS,
        who(LOGIN, NOT_ALLOWED, R, R, OK, R, OK),
    ),
    "submissions/<id:submission_id>/files/<id:file_id>": (CLASS_MEMBERS, only_get(SIGNED_IN)),
    "records/": same(STAFF),  # a teacher's own classes
    # The clock-time beacon: students only (a malformed beacon is a 400, OK here).
    "learning-time/": (only_post(SIGNED_IN), who(LOGIN, OK, OK, OK, R, R, R)),
    "records/levels/<id:level_id>/": same(STAFF),  # a teacher sees only their classes in it
    "records/classes/<id:class_id>/": same(CLASS_STAFF),
    "records/classes/<id:class_id>/post-test/": same(CLASS_STAFF),
    "records/students/<id:student_id>/": same(CLASS_STAFF),
    "records/students/<id:student_id>/participation/": same(CLASS_STAFF),
    "records/students/<id:student_id>/assessments/new/": same(CLASS_STAFF),
    "records/students/<id:student_id>/intake/": same(MANAGERS),  # and intake staff
    "records/intake/": (MANAGERS, only_get(MANAGERS)),  # and intake staff
    "records/students/<id:student_id>/data.zip": same(MANAGERS),
    "records/students/<id:student_id>/erase/": same(MANAGERS),
    "records/audit/": same(MANAGERS),
    "records/nrs/": same(MANAGERS),
    "records/nrs/snapshots/": (only_post(MANAGERS), MANAGERS),
    "records/nrs/snapshots/<id:snapshot_id>/": same(MANAGERS),
    "records/nrs/interchange.zip": same(MANAGERS),
    # Device loans: the world's device is the laptop lent to the student of class A.
    # Managers run the desk; a teacher reads the loans of their students only.
    "loans/": (STAFF, only_get(SIGNED_IN)),
    "loans/overdue/": (STAFF, only_get(SIGNED_IN)),
    "loans/devices/new/": same(MANAGERS),
    "loans/staff/": same(MANAGERS),
    "loans/devices/<id:device_id>/": (CLASS_STAFF, only_get(SIGNED_IN)),
    "loans/devices/<id:device_id>/edit/": same(MANAGERS),
    "loans/devices/<id:device_id>/lend/": same(MANAGERS),
    "loans/devices/<id:device_id>/return/": same(MANAGERS),
    # A student's own answer; the roster's, for a student of class A.
    "loans/no-device/": (only_post(SIGNED_IN), who(LOGIN, OK, OK, OK, R, R, R)),
    "loans/students/<id:student_id>/no-device/": (
        only_post(SIGNED_IN),
        who(LOGIN, OK, R, R, OK, R, OK),
    ),
    # Everyone's own notices; the world's notice is student1's (their breakout
    # invitation): nobody else may open it, not even a manager.
    "notices/": (SIGNED_IN, only_get(SIGNED_IN)),
    "notices/read/": (only_post(SIGNED_IN), SIGNED_IN),
    "notices/settings/": same(SIGNED_IN),
    "notices/<id:notice_id>/": (who(LOGIN, OK, R, R, R, R, R), only_get(SIGNED_IN)),
}

# (regex route template, sample name) -> (GET, POST); samples in samples.py.
SAMPLED_ROUTES = {
    ("accounts/^confirm-email/(?P<key>[-:\\w]+)/$", "key"): (EVERYONE, who(*[R] * 7)),
    (
        "accounts/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
        "key",
    ): same(EVERYONE),
    (
        "records/exports/^(?P<name>students|attendance|submissions|assessments|nrs\\-table\\-4"
        "|loans)\\.(?P<fmt>csv|xlsx)$",
        "export",
    ): same(STAFF),
    (
        "records/exports/^(?P<name>students|attendance|submissions|assessments|nrs\\-table\\-4"
        "|loans)\\.(?P<fmt>csv|xlsx)$",
        "loans_export",
    ): same(STAFF),
    ("records/^nrs/table-(?P<name>1|2|3|4|4b|4c|6)\\.(?P<fmt>csv|xlsx)$", "nrs_table"): same(
        MANAGERS
    ),
    (
        "records/^nrs/table-(?P<name>1|2|3|4|4b|4c|6)\\.(?P<fmt>csv|xlsx)$",
        "nrs_table_bad_year",
    ): same(MANAGERS),
    (
        "records/^nrs/snapshots/(?P<snapshot_id>[0-9]{1,18})/table-(?P<name>1|2|3|4|4b|4c|6)"
        "\\.(?P<fmt>csv|xlsx)$",
        "nrs_snapshot_table",
    ): same(MANAGERS),
    (
        "records/^nrs/interchange/(?P<name>students|attendance|tests)\\.csv$",
        "interchange_students",
    ): same(MANAGERS),
    (
        "records/^nrs/interchange/(?P<name>students|attendance|tests)\\.csv$",
        "interchange_tests",
    ): same(MANAGERS),
    ("documents/^(\\d+)/(.*)$", "document"): same(READERS),
    ("^documents/\\d{19,}/", "too_long"): same(NOTHING),
    ("^media/images/(?P<path>[^/]+)$", "public_image"): same(
        who(R, OK, OK, OK, OK, OK, OK)  # no hint to anonymous that a picture exists
    ),
    ("^media/images/(?P<path>[^/]+)$", "guide_image"): same(EVERYONE),  # a public guide's
    ("^media/images/(?P<path>[^/]+)$", "private_image"): same(
        who(R, R, R, R, OK, R, OK)  # its level's editors; nobody else without the password
    ),
    # Generated pronunciation: named by a digest of its text, so only a reader of
    # the text can name it, and it says nothing the text does not (packets/voice/views.py).
    ("^voice/(?P<name>[^/]+)$", "spoken_text"): (EVERYONE, ALL_405),
    ("^voice/(?P<name>[^/]+)$", "no_such_voice"): (NOTHING, ALL_405),
    ("^((?:[\\w\\-]+/)*flashcards\\.(?:apkg|txt))$", "level_deck"): same(READERS),
    ("^((?:[\\w\\-]+/)*flashcards\\.(?:apkg|txt))$", "packet_deck"): same(READERS),
    ("^((?:[\\w\\-]+/)*flashcards\\.(?:apkg|txt))$", "private_packet_deck"): same(PASSWORD_FORM),
    ("^(?!_util/)((?:[\\w\\-]+/){2})$", "packet"): same(READERS),
    ("^(?!_util/)((?:[\\w\\-]+/){2})$", "private_packet"): same(PASSWORD_FORM),
    # Guides (/help/<guide>/) are not secret: listed by role, readable by anyone.
    ("^(?!_util/)((?:[\\w\\-]+/){2})$", "student_guide"): same(EVERYONE),
    ("^(?!_util/)((?:[\\w\\-]+/){2})$", "manager_guide"): same(EVERYONE),
    ("^((?:[\\w\\-]+/)*)$", "home"): same(EVERYONE),
    ("^((?:[\\w\\-]+/)*)$", "root_page"): same(EVERYONE),
    ("^((?:[\\w\\-]+/)*)$", "help"): same(EVERYONE),  # /help/: each reader's own list
    ("^((?:[\\w\\-]+/)*)$", "level"): same(READERS),
    # Handing in is for students of a class of the assignment's level.
    ("^((?:[\\w\\-]+/)*)$", "assignment"): (READERS, who(LOGIN, OK, R, R, R, R, R)),
    ("^((?:[\\w\\-]+/)*)$", "packet_practice"): same(READERS),
    ("^((?:[\\w\\-]+/)*)$", "private_packet_practice"): same(PASSWORD_FORM),
}


STAFF_ANY = who(LOGIN, R, R, R, ANY, ANY, ANY)
# Wagtail's deliberate error page, for testing error reports: staff only.
DELIBERATE_ERROR = "error 500"

# The admin routes that are not behind its staff check.
ADMIN_ROUTES = {
    "admin/login/": same(STAFF_ANY),  # the door: anonymous -> /accounts/login/
    "admin/password_reset/": same(who(OK, OK, OK, OK, ANY, ANY, ANY)),  # -> allauth's
    # allauth's reset has its own pages: the admin's steps after the form are gone.
    "admin/password_reset/done/": same(who(R, R, R, R, ANY, ANY, ANY)),
    "admin/password_reset/confirm/<uidb64>/<token>/": same(who(R, R, R, R, ANY, ANY, ANY)),
    "admin/password_reset/complete/": same(who(R, R, R, R, ANY, ANY, ANY)),
    "admin/jsi18n/": (EVERYONE, ALL_405),
    "admin/sprite/": same(EVERYONE),
    "admin/failwhale/": same(who(LOGIN, LOGIN, LOGIN, LOGIN, *[DELIBERATE_ERROR] * 3)),
    # Harbor's guards in front of Wagtail's routes: what cannot be an id names nothing.
    "^admin/pages/\\d{19,}/revisions/compare/": same(NOTHING),
    "^admin/pages/\\d+/revisions/compare/([^/]*\\.)?\\d{19,}(\\.[^/]*)?/$": same(NOTHING),
}


def expected(route, sample):
    """(GET, POST) expectations of one route and sample, or None if it has none."""
    if is_admin(route):
        return ADMIN_ROUTES.get(route.template, same(ADMIN))
    if route.is_regex:
        return SAMPLED_ROUTES.get((route.template, sample))
    return ROUTES.get(route.template)
