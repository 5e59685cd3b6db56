"""Every redirect target Harbor did not write itself goes through one check
(learning/redirects.py): a page of this site, or the default."""

import pytest
from django.test import RequestFactory

from learning.redirects import safe_next, safe_target


@pytest.fixture(autouse=True)
def _harbor_host(settings):
    settings.ALLOWED_HOSTS = ["harbor.example"]


def request(path="/", secure=False, **data):
    factory = RequestFactory()
    return factory.get(path, data, secure=secure, HTTP_HOST="harbor.example")


@pytest.mark.parametrize(
    "target",
    ["/classes/3/", "/classes/3/chat/?after=4#latest", "https://harbor.example/notices/"],
)
def test_a_page_of_this_site_is_followed(target):
    assert safe_target(request(secure=True), target, "/") == target


@pytest.mark.parametrize(
    "target",
    [
        "https://elsewhere.example/",
        "//elsewhere.example/",
        "/\\elsewhere.example/",
        "javascript:alert(1)",
        "0",
        "page",
        "",
        None,
    ],
)
def test_anything_else_goes_to_the_default(target):
    assert safe_target(request(), target, "/home/") == "/home/"


def test_an_insecure_address_is_refused_on_a_secure_request():
    assert safe_target(request(secure=True), "http://harbor.example/", "/") == "/"


def test_next_is_read_from_the_query_string():
    assert safe_next(request(next="/classes/"), "/") == "/classes/"
    assert safe_next(request(next="https://evil.example/"), "/") == "/"
