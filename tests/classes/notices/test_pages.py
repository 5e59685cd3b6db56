"""The notice pages and the bell: each person sees their own notices only, newest
first, marked read when opened or all at once; the bell's count costs no query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from classes.models import Channel, Notice, NoticeKind, NoticeSettings
from classes.notices.services import notify
from classes.notices.views import PAGE_SIZE
from tests.classes.notices.conftest import unread
from tests.factories import publish_packet

pytestmark = pytest.mark.django_db


def packet_notice(user, title="Week 5: Shopping", link="/classes/"):
    return notify([user], NoticeKind.NEW_PACKET, {"title": title, "page_id": 1}, link=link)[0]


def test_the_list_shows_one_s_own_notices_newest_first(cohort, login):
    packet_notice(cohort.amina, "First packet")
    packet_notice(cohort.amina, "Second packet")
    packet_notice(cohort.gul, "Gul's packet")
    page = login(cohort.amina).get("/notices/").content.decode()
    assert page.index("Second packet") < page.index("First packet")
    assert "Gul&#x27;s packet" not in page and "Gul's packet" not in page
    assert '<bdi lang="en" dir="ltr">Second packet</bdi>' in page


def test_the_list_is_paginated(cohort, login):
    for number in range(PAGE_SIZE + 1):
        packet_notice(cohort.amina, f"Packet number {number:02d}")
    client = login(cohort.amina)
    first = client.get("/notices/").content.decode()
    assert "Packet number 20" in first and "Packet number 00" not in first
    assert "Packet number 00" in client.get("/notices/?page=2").content.decode()
    assert client.get("/notices/?page=x²").status_code == 200  # a broken link: the first page


def test_opening_a_notice_marks_it_read_and_leads_to_its_link(cohort, login):
    notice = packet_notice(cohort.amina, link=f"/classes/{cohort.pk}/")
    client = login(cohort.amina)
    response = client.get(f"/notices/{notice.pk}/")
    assert response.status_code == 302 and response["Location"] == f"/classes/{cohort.pk}/"
    client.get(f"/notices/{notice.pk}/")
    notice.refresh_from_db()
    assert notice.read_at is not None and unread(cohort.amina) == 0


def test_a_notice_linking_off_the_site_leads_to_the_list(cohort, login):
    notice = packet_notice(cohort.amina, link="https://elsewhere.example/classes/")
    response = login(cohort.amina).get(f"/notices/{notice.pk}/")
    assert response.status_code == 302 and response["Location"] == "/notices/"


def test_another_person_s_notice_is_not_found_and_stays_unread(cohort, login):
    notice = packet_notice(cohort.gul)
    assert login(cohort.amina).get(f"/notices/{notice.pk}/").status_code == 404
    notice.refresh_from_db()
    assert notice.read_at is None and unread(cohort.gul) == 1


def test_a_manager_cannot_open_a_student_s_notice(cohort, login, manager):
    notice = packet_notice(cohort.gul)
    assert login(manager).get(f"/notices/{notice.pk}/").status_code == 404


def test_mark_all_read_clears_the_bell(cohort, login):
    packet_notice(cohort.amina)
    packet_notice(cohort.amina)
    client = login(cohort.amina)
    assert 'aria-label="Notices: 2 unread"' in client.get("/classes/").content.decode()
    response = client.post("/notices/read/")
    assert response.status_code == 302
    assert not Notice.objects.filter(recipient=cohort.amina, read_at__isnull=True).exists()
    page = client.get("/classes/").content.decode()
    assert 'aria-label="Notices"' in page and unread(cohort.amina) == 0


def test_mark_all_read_is_a_post(cohort, login):
    assert login(cohort.amina).get("/notices/read/").status_code == 405


def test_the_bell_is_on_a_cached_packet_page_with_the_reader_s_count(cohort, login, client):
    # Publishing tells Amina: one unread.
    packet = publish_packet(cohort.level, "Week 6: Work", slug="work", number=6, summary="Jobs.")
    client = login(cohort.amina)
    client.get(packet.url, HTTP_HOST="localhost")  # fills the cache
    html = client.get(packet.url, HTTP_HOST="localhost").content.decode()
    assert 'aria-label="Notices: 1 unread"' in html
    packet_notice(cohort.amina)
    html = client.get(packet.url, HTTP_HOST="localhost").content.decode()
    assert 'aria-label="Notices: 2 unread"' in html


def test_the_bell_costs_no_query(cohort, login):
    client = login(cohort.amina)
    client.get("/classes/")
    with CaptureQueriesContext(connection) as before:
        client.get("/classes/")
    for _ in range(3):
        packet_notice(cohort.amina)
    with CaptureQueriesContext(connection) as after:
        html = client.get("/classes/").content.decode()
    assert 'aria-label="Notices: 3 unread"' in html
    assert len(after) == len(before)


def test_settings_are_saved(cohort, login):
    client = login(cohort.amina)
    data = dict.fromkeys(NoticeKind.values, Channel.EMAIL)
    data.update(new_packet=Channel.OFF, daily_digest="on")
    assert client.post("/notices/settings/", data).status_code == 302
    stored = NoticeSettings.objects.get(user=cohort.amina)
    assert stored.daily_digest and stored.channels["new_packet"] == Channel.OFF


def test_bad_settings_are_a_400_with_a_clear_message(cohort, login):
    client = login(cohort.amina)
    data = dict.fromkeys(NoticeKind.values, Channel.IN_APP)
    data["new_packet"] = "loudly"
    response = client.post("/notices/settings/", data)
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not NoticeSettings.objects.exists()


def test_a_student_without_email_sees_email_disabled_and_cannot_choose_it(cohort, login):
    client = login(cohort.gul)
    page = client.get("/notices/settings/").content.decode()
    assert "You have no verified email address" in page
    assert page.count('value="email" disabled') == len(NoticeKind.values)
    data = dict.fromkeys(NoticeKind.values, Channel.EMAIL)
    response = client.post("/notices/settings/", data)
    assert response.status_code == 400
    assert "Email needs a verified email address" in response.content.decode()


def test_email_is_on_by_default_for_people_with_an_address(cohort, login):
    page = login(cohort.amina).get("/notices/settings/").content.decode()
    assert page.count('value="email" checked') == len(NoticeKind.values)


def test_the_notice_pages_ask_for_a_sign_in(client):
    for path in ("/notices/", "/notices/settings/", "/notices/1/"):
        assert "/accounts/login/" in client.get(path)["Location"]
