"""Phone-first budgets over the demo content: one network round trip of bytes,
and a constant number of SQL queries whatever a packet's length."""

import gzip
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from packets.models import PacketPage
from tests.packets.conftest import vocabulary_block
from tests.pages import OFFLINE_SCRIPT

pytestmark = pytest.mark.django_db

ROUND_TRIP_BYTES = 14_600  # ten TCP segments of 1,460 bytes: the first round trip
# What a phone needs before it shows the page: the stylesheets for every medium.
# The print stylesheet (media="print") is fetched without delaying the page and
# only used on paper, so it is not counted.
STYLESHEET = re.compile(r'<link rel="stylesheet" href="/static/([^"]+)">')
PRINT_STYLESHEET = '<link rel="stylesheet" media="print" href="/static/packets/print.css">'
SCRIPT = re.compile(r"<script\b[^>]*>")
# Reading needs no JavaScript; the one script a packet page loads (deferred, so
# never before the first render) saves it for offline.
OFFLINE_STRINGS = '<script id="offline-strings" type="application/json">'
# Tapping a word plays its voice (deferred too; the players work without it).
SAY_SCRIPT = '<script src="/static/packets/say.js" defer>'


def gzip_size(content):
    return len(gzip.compress(content, compresslevel=6))


def linked_css_bytes(html):
    return sum(
        gzip_size(Path(finders.find(path)).read_bytes()) for path in STYLESHEET.findall(html)
    )


def test_every_demo_packet_fits_one_round_trip_with_its_css(settings, login, student):
    # With every word's generated voice (a player per word and example) and the
    # Level 1 words' pictures: the page as a student gets it.
    settings.HARBOR_VOICE = "packets.voice.espeak.EspeakVoice"
    call_command("demo", stdout=None)
    client = login(student)
    packets = PacketPage.objects.live()
    assert packets.count() >= 12
    for packet in packets:
        response = client.get(packet.url, HTTP_HOST="localhost")
        assert response.status_code == 200
        html = response.content.decode()
        # Besides these, a student's page has the clock-time beacon (deferred, small).
        scripts = set(SCRIPT.findall(html))
        beacon = {script for script in scripts if 'id="clock-time"' in script}
        assert len(beacon) == 1 and 'src="/static/classes/clock.js" defer' in beacon.pop()
        assert {s for s in scripts if 'id="clock-time"' not in s} == {
            OFFLINE_SCRIPT,
            OFFLINE_STRINGS,
            SAY_SCRIPT,
        }
        assert PRINT_STYLESHEET in html and "packets/print.css" not in STYLESHEET.findall(html)
        assert '<audio class="voice" controls preload="none"' in html, packet.slug
        total = gzip_size(response.content) + linked_css_bytes(html)
        assert 0 < linked_css_bytes(html) and total <= ROUND_TRIP_BYTES, (packet.slug, total)


def warm_query_count(client, packet):
    client.get(packet.url, HTTP_HOST="localhost")  # renders the body into the cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get(packet.url, HTTP_HOST="localhost").status_code == 200
    return len(queries)


def test_a_long_packet_costs_the_same_queries_as_a_short_one(
    login, student, picture, make_packet, make_assignment
):
    short = make_packet(slug="short", body=[vocabulary_block(1)])
    long = make_packet(slug="long", body=[vocabulary_block(15, picture)] * 6)
    make_assignment(short)
    make_assignment(long)
    client = login(student)
    short_queries = warm_query_count(client, short)
    # Session, user, site, the page with its restrictions, role names; and for a
    # student one more: the status of each of their assignments (classes' hook).
    assert short_queries <= 6, short_queries
    assert warm_query_count(client, long) == short_queries


def test_a_published_change_shows_at_once_despite_the_cache(login, student, make_packet):
    packet = make_packet(body=[{"type": "heading", "value": "Old heading"}])
    client = login(student)
    assert "Old heading" in client.get(packet.url, HTTP_HOST="localhost").content.decode()
    packet.body = [{"type": "heading", "value": "New heading"}]
    packet.save_revision().publish()
    page = client.get(packet.url, HTTP_HOST="localhost").content.decode()
    assert "New heading" in page and "Old heading" not in page
