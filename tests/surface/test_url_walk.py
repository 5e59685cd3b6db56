"""The URL walk: every route of the URLconf, its parameters filled with the
world's real ids and with a corpus of bad values, its query string and its
forms filled with the same corpus, GET and POST, as the roles the route serves.
Any 5xx fails, and so does a 400 without a message.

How the combinations are cut down to about two minutes: real ids as every role
are the permission matrix's work (test_permission_matrix.py); here the bad
values go to the roles the table lets in (a student, a manager, an anonymous
visitor where pages are public, else the class's teacher), all query
parameters at once with one bad value, and every form field Harbor's pages show
at once with one bad value. Wagtail's admin routes get the numeric bad values
in their ids (others never pass its `<int:…>` converter)."""

import re
from urllib.parse import quote, urlencode

import pytest
from django.db import transaction
from django.test import Client

from tests.surface.bad_values import BAD_VALUES, QUERY_NAMES
from tests.surface.expectations import expected
from tests.surface.requests import OK
from tests.surface.routes import url_routes
from tests.surface.samples import is_admin, samples
from tests.surface.world import world_fixture

world = pytest.fixture(scope="module")(world_fixture)
ROUTE_LIST = url_routes()
HARBOR_ROUTES = [r for r in ROUTE_LIST if not is_admin(r)]
ADMIN_ROUTES = [r for r in ROUTE_LIST if is_admin(r) and r.parameters and not r.is_regex]
NUMERIC_BAD_VALUES = tuple(v for v in BAD_VALUES if v.isascii() and v.strip("-").isdigit())
FIELD_NAME = re.compile(r"<(?:input|select|textarea)\b[^>]*\bname=\"([^\"]+)\"")
NOT_FIELDS = {"csrfmiddlewaretoken"}


def roles_served(route, sample):
    table = dict(zip(("GET", "POST"), expected(route, sample), strict=True))
    served = [
        r for r in ("anonymous", "student", "manager") if OK in (table["GET"][r], table["POST"][r])
    ]
    return served or ["teacher"]


def signed_in_clients(world, roles):
    clients = {}
    for role in roles:
        client = clients[role] = Client(raise_request_exception=False)
        if world.users[role] is not None:
            client.force_login(world.users[role])
    return clients


def send(client, method, path, data=None):
    """One request, whatever it wrote rolled back (the session too)."""
    with transaction.atomic():
        response = getattr(client, method.lower())(path, data or {})
        transaction.set_rollback(True)
    return response


def problem(response, method, path, role, value):
    status = response.status_code
    where = f"{method} {path[:120]!r} as {role} with {value[:40]!r}: {status}"
    if status >= 500:
        return where
    if status == 400 and not response.streaming and not response.content.strip():
        return where + " without a message"
    return None


@pytest.fixture(scope="module")
def form_fields(world, django_db_blocker):
    """Every form field name on every page Harbor shows the student and the
    manager: what the walk posts to every route."""
    names = set()
    with django_db_blocker.unblock():
        clients = signed_in_clients(world, ("student", "manager"))
        for route in HARBOR_ROUTES:
            for _sample, path in samples(route, world):
                for client in clients.values():
                    response = send(client, "GET", path)
                    if "text/html" in response.headers.get("Content-Type", ""):
                        names.update(FIELD_NAME.findall(response.content.decode(errors="replace")))
    return sorted(names - NOT_FIELDS)


def with_bad_parameter(route, world, name, value):
    values = {**world.values, name: quote(value, safe="")}
    values.update({p: values.get(p, "1") for p in route.parameters})
    return route.fill(values)


def walk_parameters(route, world, roles, values):
    found = []
    clients = signed_in_clients(world, roles)
    for name in route.parameters:
        for value in values:
            path = with_bad_parameter(route, world, name, value)
            for role, client in clients.items():
                for method in ("GET", "POST"):
                    found.append(problem(send(client, method, path), method, path, role, value))
    return [p for p in found if p]


def walk_query_and_forms(route, world, fields):
    found = []
    for sample, path in samples(route, world):
        clients = signed_in_clients(world, roles_served(route, sample))
        for value in BAD_VALUES:
            query = path + "?" + urlencode(dict.fromkeys(QUERY_NAMES, value))
            form = dict.fromkeys(fields, value)
            for role, client in clients.items():
                found.append(problem(send(client, "GET", query), "GET", query, role, value))
                found.append(problem(send(client, "POST", path, form), "POST", path, role, value))
    return [p for p in found if p]


@pytest.mark.parametrize("route", HARBOR_ROUTES, ids=lambda r: r.template)
def test_bad_input_to_harbor_routes_never_breaks_a_page(db, world, form_fields, route):
    problems = walk_query_and_forms(route, world, form_fields)
    if not route.is_regex:
        roles = roles_served(route, "")
        problems += walk_parameters(route, world, roles, BAD_VALUES)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("route", ADMIN_ROUTES, ids=lambda r: r.template)
def test_impossible_ids_in_the_admin_never_break_a_page(db, world, route):
    problems = walk_parameters(route, world, ["manager"], NUMERIC_BAD_VALUES)
    assert not problems, "\n".join(problems)


def test_the_walk_sees_a_broken_page():
    """A 500 and a blank 400 are both reported; a 400 with a message is not."""
    from django.http import HttpResponse, HttpResponseBadRequest

    assert problem(HttpResponse(status=500), "GET", "/", "manager", "x")
    assert problem(HttpResponseBadRequest(b""), "GET", "/", "manager", "x")
    assert problem(HttpResponseBadRequest(b"Choose a date."), "GET", "/", "manager", "x") is None


def test_the_walk_posts_every_field_harbor_shows(db, form_fields):
    """The corpus reaches the forms: passwords, the roll, scores, chat, names."""
    assert {"password", "minutes", "score", "text", "name", "start", "q"} <= set(form_fields)
