"""The paths a route is tried with: its parameters filled with the world's
real ids (class A's things), and for the routes written as regular expressions
(Wagtail's pages, decks, pictures, documents, allauth's keys) the real paths
each one serves, by name."""

from tests.surface.routes import ROUTE_PARAMETER

# A parameter the world has no id for (Wagtail admin's own objects): any id;
# what matters there is who is let in at all, not which object is found.
ANY_ID = "1"

# Routes whose parameter means a particular one of the world's things.
ROUTE_VALUES = {
    "practice/<id:practice_id>/accept/": {"practice_id": "invited_practice_id"},
    "practice/<id:practice_id>/decline/": {"practice_id": "invited_practice_id"},
    "practice/<id:practice_id>/messages/<id:message_id>/report/": {
        "message_id": "practice_message_id"
    },
    "practice/<id:practice_id>/members/<id:student_id>/remove/": {
        "student_id": "practice_member_id"
    },
    "classes/<id:class_id>/students/<id:enrollment_id>/enroll-again/": {
        "enrollment_id": "withdrawn_enrollment_id"
    },
}

# Admin routes written as regular expressions, as a browser asks for them.
ADMIN_SAMPLES = {
    r"admin/pages/^(?P<pk>\d+)/revisions/compare/(?P<revision_id_a>live|earliest|\d+)"
    r"\.\.\.(?P<revision_id_b>live|latest|\d+)/$": (
        "/admin/pages/1/revisions/compare/earliest...live/"
    ),
    "admin/^.*/$": "/admin/no-such-page/",
    r"^admin/pages/\d{19,}/revisions/compare/": (
        f"/admin/pages/{'1' * 20}/revisions/compare/earliest...live/"
    ),
    r"^admin/pages/\d+/revisions/compare/([^/]*\.)?\d{19,}(\.[^/]*)?/$": (
        f"/admin/pages/1/revisions/compare/earliest...{'1' * 20}/"
    ),
}

# Regex route -> {sample name: key of world.paths, or a literal path}.
REGEX_SAMPLES = {
    r"accounts/^confirm-email/(?P<key>[-:\w]+)/$": {"key": "/accounts/confirm-email/no-such-key/"},
    r"accounts/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": {
        "key": "/accounts/password/reset/key/1-no-such-key/"
    },
    r"records/exports/^(?P<name>students|attendance|submissions|assessments|nrs\-table\-4"
    r"|loans)\.(?P<fmt>csv|xlsx)$": {"export": "export", "loans_export": "loans_export"},
    r"records/^nrs/table-(?P<name>1|2|3|4|4b|4c|6)\.(?P<fmt>csv|xlsx)$": {
        "nrs_table": "/records/nrs/table-4b.csv",
        "nrs_table_bad_year": "/records/nrs/table-1.xlsx?year=1999",
    },
    r"records/^nrs/snapshots/(?P<snapshot_id>[0-9]{1,18})/table-(?P<name>1|2|3|4|4b|4c|6)"
    r"\.(?P<fmt>csv|xlsx)$": {"nrs_snapshot_table": "nrs_snapshot_table"},
    r"records/^nrs/interchange/(?P<name>students|attendance|tests)\.csv$": {
        "interchange_students": "/records/nrs/interchange/students.csv",
        "interchange_tests": "/records/nrs/interchange/tests.csv",
    },
    r"documents/^(\d+)/(.*)$": {"document": "document"},
    r"^media/images/(?P<path>[^/]+)$": {
        "public_image": "public_image",
        "private_image": "private_image",
        "guide_image": "guide_image",
    },
    r"^voice/(?P<name>[^/]+)$": {
        "spoken_text": "spoken_text",
        "no_such_voice": f"/voice/{'0' * 32}.mp3",
    },
    r"^((?:[\w\-]+/)*flashcards\.(?:apkg|txt))$": {
        "level_deck": "level_deck",
        "packet_deck": "packet_deck",
        "private_packet_deck": "private_packet_deck",
    },
    r"^(?!_util/)((?:[\w\-]+/){2})$": {
        "packet": "packet",
        "private_packet": "private_packet",
        "student_guide": "/help/sign-in/",
        "manager_guide": "/help/export-for-funders/",
    },
    r"^documents/\d{19,}/": {"too_long": f"/documents/{'1' * 20}/worksheet.pdf"},
    r"^((?:[\w\-]+/)*)$": {
        "home": "home",
        "root_page": "root_page",
        "help": "/help/",
        "level": "level",
        "assignment": "assignment",
        "packet_practice": "packet_practice",
        "private_packet_practice": "private_packet_practice",
    },
}


def samples(route, world):
    """[(sample name, path)] for one route; the name is "" for plain routes."""
    if not route.is_regex:
        names = {name: name for name in route.parameters}
        names.update(ROUTE_VALUES.get(route.template, {}))
        values = {name: world.values.get(key, ANY_ID) for name, key in names.items()}
        return [("", route.fill(values))]
    if is_admin(route):
        return [("", ADMIN_SAMPLES.get(route.template) or _plain(route.template))]
    named = REGEX_SAMPLES[route.template]
    return [(name, world.paths.get(path, path)) for name, path in named.items()]


def _plain(template):
    """Wagtail's admin API routes mix a regex into a path() route
    (`admin/api/main/^pages/<int:pk>/`): the path a browser would ask for."""
    path = template.replace("^", "").replace("$", "")
    return "/" + ROUTE_PARAMETER.sub(ANY_ID, path)


def is_admin(route):
    """A route of Wagtail's admin, or one Harbor puts in front of it."""
    return route.template.lstrip("^").startswith("admin/")
