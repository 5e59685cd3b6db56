"""docs/urls.md lists every page of device loans and of practice groups: the
list is where a reader (or an integrator) finds what a URL does and who may
open it."""

import re
from pathlib import Path

import pytest

from classes.loans.urls import urlpatterns as loan_routes
from classes.practice.urls import urlpatterns as practice_routes

DOC = Path(__file__).resolve().parents[3] / "docs" / "urls.md"


def documented_paths():
    """Every backticked path in the table, its query string left off."""
    return {path.split("?")[0] for path in re.findall(r"`(/[^`\s]*)`", DOC.read_text())}


def as_pattern(prefix, route):
    """`/loans/devices/<id:device_id>/` matches `/loans/devices/<id>/` and the like."""
    parts = re.split(r"<[^>]+>", f"{prefix}{route.pattern}")
    return re.compile("<[a-z_]+>".join(re.escape(part) for part in parts) + "$")


ROUTES = [("/loans/", route) for route in loan_routes] + [
    ("/practice/", route) for route in practice_routes
]


@pytest.mark.parametrize("prefix,route", ROUTES, ids=[f"{p}{r.pattern}" for p, r in ROUTES])
def test_the_route_is_in_docs_urls(prefix, route):
    pattern = as_pattern(prefix, route)
    assert any(pattern.match(path) for path in documented_paths()), f"{prefix}{route.pattern}"
