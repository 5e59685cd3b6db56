"""A teacher shares a packet from a phone through its share sheet, and prints
it for students who get paper: the packet's content and its QR code, nothing
of the screen's header, buttons or Share control."""

import re
from datetime import date

import pytest

from packets.demo import DEMO_PACKETS, create_packet, ensure_levels
from tests.conftest import PASSWORD
from tests.factories import add_level, open_class, publish_packet

# The live server needs committed data (see tests/conftest.py on transactional tests).
pytestmark = pytest.mark.django_db(transaction=True)

# Headless Chromium has no share sheet: a stand-in records what it is given.
FAKE_SHARE_SHEET = """
    window.shared = [];
    navigator.share = (data) => { window.shared.push(data); return Promise.resolve(); };
"""


def packet_taught_by(teacher):
    level = add_level()
    open_class(level, [teacher], term_end=date(2026, 9, 20))
    return publish_packet(
        level,
        "Week 3: At the clinic",
        number=3,
        summary="Making appointments.",
        body=[{"type": "heading", "value": "Calling the clinic"}],
    )


def test_a_teacher_shares_a_packet_through_the_phones_share_sheet(sign_in, teacher, live_server):
    packet = packet_taught_by(teacher)
    page = sign_in(teacher, PASSWORD)
    page.add_init_script(FAKE_SHARE_SHEET)
    page.goto(packet.url)
    page.get_by_role("button", name="Share…").tap()
    page.wait_for_function("window.shared.length === 1")
    shared = page.evaluate("window.shared[0]")
    assert shared == {
        "text": "This week's packet: Week 3: At the clinic",
        "url": f"{live_server.url}{packet.url}",
    }
    assert page.get_by_role("link", name="WhatsApp").is_visible()


def test_a_packet_prints_its_content_and_a_qr_code_only(sign_in, teacher):
    packet = packet_taught_by(teacher)
    page = sign_in(teacher, PASSWORD)
    page.goto(packet.url)
    assert page.locator(".print-qr").is_hidden()  # on screen
    page.emulate_media(media="print")
    assert page.get_by_role("heading", name="Calling the clinic").is_visible()
    assert page.locator(".print-qr svg").is_visible()
    for hidden in (".site-header", ".site-footer", ".share", ".save-offline"):
        assert page.locator(hidden).is_hidden(), hidden


def sheets(pdf):
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_a_demo_packet_prints_on_one_sheet_of_a4_or_letter(sign_in, teacher):
    """A week's packet as the demo writes them (a picture, a reading, eight words
    with examples, an assignment) is one sheet of paper, the QR code on it."""
    spec = next(spec for spec in DEMO_PACKETS if spec["slug"] == "shopping-for-food")
    level = ensure_levels()[spec["level"]]
    packet = create_packet(level, spec, date(2026, 9, 14))  # before the class: see conftest
    open_class(level, [teacher], term_end=date(2026, 12, 18))
    page = sign_in(teacher, PASSWORD)
    page.goto(packet.url)
    assert sheets(page.pdf(format="A4")) == 1
    assert sheets(page.pdf(format="Letter")) == 1
    page.emulate_media(media="print")
    assert page.locator(".print-qr svg").is_visible()
    assert page.get_by_text("excuse me", exact=True).is_visible()
