"""Pages, static files, students' files and documents through nginx, as a phone
gets them from a server set up by docs/deploy.md (tests/deploy/conftest.py)."""

import json
import re
import secrets
from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from classes.models import SubmissionFile
from tests.deploy.conftest import (
    REQUEST_SECONDS,
    csrf_token,
    sign_in,
    with_production_password,
)
from tests.factories import photo_upload, publish_assignment

pytestmark = [pytest.mark.scaled, pytest.mark.django_db(transaction=True)]

# Django's own, under production settings: nginx must send the same with the
# answers it makes itself (deploy/nginx/harbor-security-headers.conf).
SECURITY_HEADERS = (
    "Strict-Transport-Security",
    "Referrer-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Cross-Origin-Opener-Policy",
)
# An ETag nginx makes for a file it sends itself (last modified and size, in hex).
NGINX_ETAG = re.compile(r'"[0-9a-f]+-[0-9a-f]+"')


def security_headers(response):
    return {name: response.headers.get(name) for name in SECURITY_HEADERS}


def get(browser, url, **headers):
    return browser.get(url, headers=headers, timeout=REQUEST_SECONDS, allow_redirects=False)


@pytest.fixture
def amina(classroom):
    return with_production_password(classroom[2])


def test_a_student_signs_in_through_nginx_with_a_secure_session(stack, amina):
    browser = sign_in(stack, amina)

    home = get(browser, f"{stack.url}/")
    assert home.status_code == 200
    assert "Amina Yusuf" in home.text
    session = next(c for c in browser.cookies if c.name == "sessionid")
    assert session.secure


def test_a_packet_page_is_compressed_on_the_way(stack, amina, make_packet):
    packet = make_packet(level="level-2", title="At the clinic")
    browser = sign_in(stack, amina)

    page = get(browser, stack.url + urlsplit(packet.url).path, **{"Accept-Encoding": "gzip"})

    assert page.status_code == 200
    assert "At the clinic" in page.text  # requests unzipped it
    assert page.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in page.headers["Vary"]


def test_a_static_file_is_sent_as_its_gz_twin_and_kept_for_a_year(stack):
    manifest = json.loads((stack.dir / "staticfiles/staticfiles.json").read_text())
    hashed = manifest["paths"]["harbor/base.css"]
    browser = stack.browser()

    sent = browser.get(
        f"{stack.url}/static/{hashed}",
        headers={"Accept-Encoding": "gzip"},
        stream=True,
        timeout=REQUEST_SECONDS,
    )

    assert sent.headers["Content-Encoding"] == "gzip"
    assert sent.headers["Vary"] == "Accept-Encoding"
    twin = stack.dir / f"staticfiles/{hashed}.gz"
    assert sent.raw.read(decode_content=False) == twin.read_bytes()
    assert sent.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    unhashed = get(browser, f"{stack.url}/static/harbor/base.css")
    assert unhashed.headers["Cache-Control"] == "public, max-age=60"  # may change next release


def test_a_students_photo_is_sent_by_nginx_with_djangos_security_headers(stack, amina, bus_packet):
    assignment = publish_assignment(bus_packet, "photo")
    browser = sign_in(stack, amina)
    handed_in = hand_in_photo(stack, browser, assignment)
    assert handed_in.status_code == 303, handed_in.text[:500]
    stored = SubmissionFile.objects.get(submission__student=amina)
    page = get(browser, f"{stack.url}/")

    photo = get(browser, f"{stack.url}/submissions/{stored.submission_id}/files/{stored.pk}")

    assert photo.status_code == 200
    assert photo.content == (stack.dir / "private-media" / stored.file.name).read_bytes()
    assert NGINX_ETAG.fullmatch(photo.headers["ETag"])  # sent by nginx, not Django
    assert photo.headers["Content-Type"] == "image/jpeg"
    assert photo.headers["Content-Disposition"].startswith("inline;")
    assert photo.headers["Cache-Control"] == "private, max-age=3600"
    assert photo.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert photo.headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert security_headers(photo) == security_headers(page)
    assert None not in security_headers(page).values()
    assert get(browser, f"{stack.url}/_private/{stored.file.name}").status_code == 404


def hand_in_photo(stack, browser, assignment):
    address = stack.url + urlsplit(assignment.url).path
    csrf = csrf_token(get(browser, address))
    photo = photo_upload()
    return browser.post(
        address,
        data={"csrfmiddlewaretoken": csrf, "action": "submit", "token": secrets.token_urlsafe(24)},
        files={"photos": (photo.name, photo.read(), "image/jpeg")},
        headers={"Origin": stack.url, "Referer": address},
        allow_redirects=False,
        timeout=REQUEST_SECONDS,
    )


RECORDING = bytes(range(256)) * 40  # 10,240 bytes standing in for a listening exercise


@pytest.fixture
def recording(stack, settings):
    """A document stored where the stack's Wagtail looks for it."""
    settings.MEDIA_ROOT = stack.dir / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    document = get_document_model().objects.create(
        title="Listening: at the bus stop", file=ContentFile(RECORDING, name="bus-stop.mp3")
    )
    yield document
    document.file.delete(save=False)


def test_a_document_answers_a_range_through_nginx(stack, recording):
    browser = stack.browser()

    part = get(browser, stack.url + recording.url, Range="bytes=0-99")

    assert part.status_code == 206
    assert part.headers["Content-Range"] == f"bytes 0-99/{len(RECORDING)}"
    assert part.content == RECORDING[:100]
    whole = get(browser, stack.url + recording.url)
    assert whole.status_code == 200
    assert whole.headers["Accept-Ranges"] == "bytes"
    assert whole.content == RECORDING
    assert "Content-Encoding" not in whole.headers  # Wagtail alone wrote "None"
    assert NGINX_ETAG.fullmatch(whole.headers["ETag"])
    assert whole.headers["Content-Security-Policy"] == "default-src 'none'"
    assert security_headers(whole) == security_headers(get(browser, f"{stack.url}/healthz"))
