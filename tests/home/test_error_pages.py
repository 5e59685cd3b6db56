"""A refused or missing page is still one of Harbor's pages: its header has the
"Help" link (the guides for the reader's role), a way home, and it speaks the
reader's language."""

import pytest

HELP = '<a class="help-link" href="/help/">'


@pytest.fixture
def signed_in(client, student):
    client.force_login(student)
    return client


def test_a_missing_page_has_the_help_link(signed_in):
    response = signed_in.get("/no-such-page/")
    assert response.status_code == 404
    assert HELP in response.content.decode()
    assert "Page not found" in response.content.decode()


def test_a_refused_page_has_the_help_link(signed_in):
    response = signed_in.get("/loans/")
    assert response.status_code == 403
    assert HELP in response.content.decode()
    assert "You cannot open this page" in response.content.decode()


def test_a_missing_page_for_a_visitor_offers_signing_in(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert HELP in response.content.decode()
