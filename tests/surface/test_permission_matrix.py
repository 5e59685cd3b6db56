"""The permission matrix, generated: every URL route of the URLconf (Harbor's,
allauth's, Wagtail's pages, admin, documents and pictures) × every role, GET
and POST, held against the table in expectations.py; a refused POST changes
nothing Harbor holds. WebSocket routes: test_permission_matrix_sockets.py."""

import pytest

from tests.surface.expectations import ANY, ROUTES, SAMPLED_ROUTES, expected
from tests.surface.requests import LOGIN, NOT_ALLOWED, OK, REFUSED, fingerprint, outcome, send
from tests.surface.routes import url_routes
from tests.surface.samples import REGEX_SAMPLES, is_admin, samples
from tests.surface.world import ROLES, world_fixture

world = pytest.fixture(scope="module")(world_fixture)
DENIED = (LOGIN, REFUSED, NOT_ALLOWED)
ROUTE_LIST = url_routes()


def mismatches(route, world):
    found = []
    for sample, path in samples(route, world):
        for method, table in zip(("GET", "POST"), expected(route, sample), strict=True):
            for role in ROLES:
                found += _check(world.users[role], role, method, path, table[role])
    return found


def _check(user, role, method, path, wanted):
    watch = method == "POST" and wanted in DENIED
    response, changed = send(user, method, path, watch=watch)
    got = outcome(response)
    problems = []
    if got != wanted and not (wanted == ANY and got in (OK, LOGIN, REFUSED, NOT_ALLOWED)):
        problems.append(f"{method} {path} as {role}: {got}, expected {wanted}")
    if changed:
        problems.append(f"{method} {path} as {role} was refused but changed what Harbor holds")
    return problems


@pytest.mark.parametrize("route", ROUTE_LIST, ids=lambda r: r.template)
def test_each_role_gets_what_the_table_says(db, world, route):
    assert expected(route, next(iter(REGEX_SAMPLES.get(route.template, {"": 0})))), (
        f"{route.template} ({route.view}) has no entry in tests/surface/expectations.py"
    )
    problems = mismatches(route, world)
    assert not problems, "\n".join(problems)


def test_every_entry_names_a_route_that_exists():
    templates = {route.template for route in ROUTE_LIST}
    stale = [t for t in ROUTES if t not in templates]
    stale += [t for t, _sample in SAMPLED_ROUTES if t not in templates]
    assert stale == []


def test_every_sample_of_a_regex_route_has_an_entry():
    missing = [
        (route.template, sample)
        for route in ROUTE_LIST
        if route.is_regex and not is_admin(route)
        for sample in REGEX_SAMPLES.get(route.template, {"": None})
        if (route.template, sample) not in SAMPLED_ROUTES
    ]
    assert missing == []


def test_a_refused_post_that_changed_something_would_be_seen(db, world):
    """The fingerprint the matrix trusts sees a withdrawal when it happens."""
    path = "/classes/{class_id}/students/{enrollment_id}/withdraw/".format(**world.values)
    _response, changed = send(world.users["teacher"], "POST", path, watch=True)
    assert changed
    assert fingerprint() == fingerprint()
