"""Offline reading: what the service worker is told to keep, the page it shows
in place of one it did not keep, and the sign-out that makes the phone forget."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_service_worker_is_served_from_the_root_and_never_kept_stale(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert "no-cache" in response["Cache-Control"]
    body = response.content.decode()
    # It keeps the offline page and the files that page needs.
    assert '"/offline/"' in body and '"/static/harbor/offline.js"' in body


def test_a_new_release_of_a_kept_file_makes_a_new_worker(client, settings, monkeypatch):
    from learning import offline

    version = re.search(r'harbor-shell-(\w+)"', client.get("/sw.js").content.decode())[1]
    monkeypatch.setattr(
        offline, "SHELL_FILES", (*offline.SHELL_FILES[:2], "harbor/icons/icon-512.png")
    )
    changed = re.search(r'harbor-shell-(\w+)"', client.get("/sw.js").content.decode())[1]
    assert version != changed


def test_hashed_names_make_the_release_without_reading_the_files(client, monkeypatch):
    """In production the hashed name already says the contents: /sw.js reads no file."""
    from learning import offline

    def no_file_reads(name):
        raise AssertionError(f"read {name}")

    monkeypatch.setattr(offline.finders, "find", no_file_reads)
    monkeypatch.setattr(offline, "static", lambda name: f"/static/{name}.abc123")
    first = re.search(r'harbor-shell-(\w+)"', client.get("/sw.js").content.decode())[1]
    monkeypatch.setattr(offline, "static", lambda name: f"/static/{name}.def456")
    second = re.search(r'harbor-shell-(\w+)"', client.get("/sw.js").content.decode())[1]
    assert first != second


def test_the_service_worker_takes_only_get(client):
    assert client.post("/sw.js").status_code == 405


def test_the_offline_page_holds_nothing_of_the_reader(login, student):
    page = login(student).get(reverse("offline")).content.decode()
    assert "Saved for offline" in page
    assert student.name not in page and "csrfmiddlewaretoken" not in page
    assert 'id="offline-list"' in page and 'id="offline-strings"' in page


def test_pages_of_the_packet_tree_may_be_kept_for_offline(login, student, make_packet):
    client = login(student)
    packet = make_packet()
    for _ in range(2):  # the first render and the shared copy from the cache
        response = client.get(packet.url)
        assert response.status_code == 200 and response["Harbor-Offline"] == "keep"
    assert client.get(packet.get_parent().url)["Harbor-Offline"] == "keep"


def test_pages_outside_the_packet_tree_are_not_kept(login, student):
    client = login(student)
    for url in ("/", reverse("account_email"), reverse("offline")):
        assert "Harbor-Offline" not in client.get(url)


def test_a_page_that_is_not_there_is_not_kept(client):
    response = client.get("/no-such-level/no-such-packet/")
    assert response.status_code == 404 and "Harbor-Offline" not in response


def test_signing_out_clears_what_the_phone_kept(login, student):
    client = login(student)
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'


def test_the_sign_out_page_itself_clears_nothing(login, student):
    assert "Clear-Site-Data" not in login(student).get(reverse("account_logout"))
