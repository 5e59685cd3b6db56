"""A student's phone without a network: a saved packet opens with its pictures,
worksheet, assignment and flashcards; a packet only read before opens too;
flashcard grades given offline reach the server later; and after signing out
the phone shows nothing of theirs."""

import io
import time

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from packets.models import FlashcardProgress
from tests.conftest import PASSWORD
from tests.factories import publish_assignment
from tests.packets.flashcards.conftest import new_level, new_packet, png_bytes, vocabulary, word

pytestmark = pytest.mark.django_db(transaction=True)

SAVED = "Saved on this phone"


@pytest.fixture
def packet(transactional_db):
    picture = get_image_model().objects.create(
        title="clinic", file=ImageFile(io.BytesIO(png_bytes()), name="clinic.png")
    )
    worksheet = get_document_model().objects.create(
        title="Form", file=ContentFile(b"%PDF-1.4 a clinic form", name="clinic-form.pdf")
    )
    packet = new_packet(
        new_level(),
        vocabulary(
            word("doctor", "a person who treats sick people", image=picture),
            word("nurse", "a person who cares for patients"),
        ),
        ("worksheet", {"title": "Clinic form", "document": worksheet, "instructions": ""}),
        title="At the clinic",
    )
    publish_assignment(
        packet,
        title="Call the clinic",
        slug="call-the-clinic",
        due_date=None,
        instructions=[{"type": "paragraph", "value": "<p>Write what you say.</p>"}],
    )
    return packet


def eventually(page, script, seconds=10):
    """Poll from the test: the page's CSP forbids the eval Playwright's own
    wait_for_function needs."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(script):
        assert time.monotonic() < deadline, script
        time.sleep(0.1)


def worker_ready(page):
    """The service worker controls the page (it claims it when it starts)."""
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    eventually(page, "navigator.serviceWorker.controller !== null")


def pictures_shown(page):
    return page.evaluate(
        "Array.from(document.querySelectorAll('main img'))"
        ".every(i => i.complete && i.naturalWidth > 0)"
    )


def reading(sign_in, student, packet):
    """The student, signed in with the worker running, on the packet's page."""
    phone = sign_in(student, PASSWORD)
    worker_ready(phone)
    phone.goto(packet.url)
    return phone


def save_for_offline(phone):
    phone.get_by_role("button", name="Save for offline").click()
    phone.get_by_text(SAVED).wait_for()


def test_a_saved_packet_opens_offline_with_everything_it_links_to(sign_in, student, packet):
    phone = reading(sign_in, student, packet)
    save_for_offline(phone)

    phone.context.set_offline(True)
    phone.reload()
    assert phone.get_by_role("heading", name="At the clinic").is_visible()
    assert phone.locator("main img").count() == 1 and pictures_shown(phone)
    worksheet = phone.get_by_role("link", name="Clinic form").get_attribute("href")
    assert phone.evaluate(f"fetch('{worksheet}').then(r => r.ok)")
    phone.locator("a[data-offline-page]", has_text="Call the clinic").click()
    phone.get_by_text("Write what you say.").wait_for()
    phone.go_back()
    phone.get_by_role("link", name="Practise 2 words with flashcards").click()
    phone.get_by_text("doctor", exact=True).wait_for()
    phone.goto("/offline/")
    saved = phone.locator("#offline-list li")
    saved.first.wait_for()
    assert "At the clinic" in saved.inner_text() and "KB" in saved.inner_text()
    saved.get_by_role("button", name="Remove").click()
    phone.get_by_text("Nothing is saved on this phone yet.").wait_for()
    assert not any(name.startswith("harbor-saved:") for name in phone.evaluate("caches.keys()"))


def test_a_packet_read_before_opens_offline_and_others_say_they_are_not_saved(
    sign_in, student, packet
):
    phone = reading(sign_in, student, packet)
    phone.context.set_offline(True)
    phone.reload()
    assert phone.get_by_role("heading", name="At the clinic").is_visible()
    assert phone.locator("#offline-banner").is_visible()
    phone.goto(packet.get_parent().url + "never-opened/")
    assert phone.get_by_text("This page is not saved on this phone").is_visible()


def test_after_signing_out_the_phone_shows_nothing_of_theirs_offline(sign_in, student, packet):
    phone = reading(sign_in, student, packet)
    save_for_offline(phone)
    with phone.expect_navigation():
        phone.get_by_role("button", name="Sign out").click()
    worker_ready(phone)
    # Only the worker's shell is back (the next page registered it again): the
    # offline page, the stylesheet and the script, nobody's packets.
    caches = phone.evaluate("caches.keys()")
    assert [name for name in caches if not name.startswith("harbor-shell-")] == []
    phone.context.set_offline(True)
    phone.goto(packet.url)
    assert phone.get_by_text("This page is not saved on this phone").is_visible()
    assert "At the clinic" not in phone.content() and student.name not in phone.content()


def test_flashcard_grades_given_offline_reach_the_server_when_back_online(sign_in, student, packet):
    phone = sign_in(student, PASSWORD)
    phone.goto(f"{packet.url}flashcards/")
    first = phone.locator(".flashcard-term").inner_text()
    phone.context.set_offline(True)
    phone.get_by_text("Show the answer").click()
    phone.get_by_role("button", name="Good").click()
    second = phone.locator(".flashcard-term")
    assert second.inner_text() != first and second.inner_text() in {"doctor", "nurse"}
    assert phone.get_by_text("your grades are kept on this phone").is_visible()
    assert not FlashcardProgress.objects.filter(student=student).exists()

    phone.context.set_offline(False)
    eventually(phone, "localStorage.getItem('harbor-flashcard-grades') === '[]'")
    assert FlashcardProgress.objects.get(student=student).reviews == 1


KEPT_COPY_HAS = """async (text) => {
    for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
            const response = await cache.match(request);
            if ((await response.text()).includes(text)) return true;
        }
    }
    return false;
}"""


def test_a_saved_packet_read_online_again_keeps_the_newest_revision(sign_in, student, packet):
    phone = reading(sign_in, student, packet)
    save_for_offline(phone)
    packet.summary = "Corrected: bring your ID card."
    packet.save_revision().publish()
    phone.reload()
    phone.get_by_text(SAVED).wait_for()  # the packet says it is saved on this phone
    # The worker stores the fresh copy after the page is shown: wait for it, as
    # a phone's time between reading and losing the network would.
    phone.wait_for_function(KEPT_COPY_HAS, arg="Corrected: bring your ID card.", polling=100)
    phone.context.set_offline(True)
    phone.reload()
    assert phone.get_by_text("Corrected: bring your ID card.").is_visible()
