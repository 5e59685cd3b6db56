"""Documents (worksheets, audio) answer byte ranges with honest headers, from
Django under `make run` and through nginx in production (packets/documents.py).
Safari plays audio only from servers that answer ranges."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

pytestmark = pytest.mark.django_db

AUDIO = bytes(range(256)) * 40  # 10,240 bytes standing in for a recording


@pytest.fixture
def media_on_disk(settings, tmp_path):
    """Wagtail hands a document to the sendfile backend only when its file has
    a path on disk: a real folder for these tests."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return tmp_path


@pytest.fixture
def clinic_audio(media_on_disk):
    # Made in code, as the demo and imports do: no file hash saved with it.
    return get_document_model().objects.create(
        title="Listening: at the clinic", file=ContentFile(AUDIO, name="clinic.mp3")
    )


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_range_is_answered_with_that_part_only(client, clinic_audio):
    response = client.get(clinic_audio.url, HTTP_RANGE="bytes=0-99")

    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 0-99/{len(AUDIO)}"
    assert response["Content-Length"] == "100"
    assert body(response) == AUDIO[:100]


def test_a_range_from_the_middle_to_the_end(client, clinic_audio):
    response = client.get(clinic_audio.url, HTTP_RANGE="bytes=10000-")

    assert response.status_code == 206
    assert response["Content-Length"] == str(len(AUDIO) - 10000)
    assert body(response) == AUDIO[10000:]


def test_a_range_past_the_end_is_refused_with_the_size(client, clinic_audio):
    response = client.get(clinic_audio.url, HTTP_RANGE=f"bytes={len(AUDIO)}-")

    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(AUDIO)}"
    assert response["Content-Length"] == "0"


def test_the_whole_document_says_ranges_are_welcome_with_no_bogus_headers(client, clinic_audio):
    response = client.get(clinic_audio.url)

    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Type"] == "audio/mpeg"
    assert response["Content-Length"] == str(len(AUDIO))
    assert "Content-Encoding" not in response  # was a literal "None"
    assert body(response) == AUDIO


def test_the_etag_is_the_files_hash_so_a_phone_revalidates_for_free(client, clinic_audio):
    response = client.get(clinic_audio.url)
    clinic_audio.refresh_from_db()

    assert clinic_audio.file_hash
    assert response["ETag"] == f'"{clinic_audio.file_hash}"'  # was ""
    again = client.get(clinic_audio.url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_behind_nginx_the_file_is_left_to_its_internal_location(client, clinic_audio, settings):
    settings.HARBOR_MEDIA_ACCEL_REDIRECT = "/_media/"

    response = client.get(clinic_audio.url, HTTP_RANGE="bytes=0-99")

    assert response.status_code == 200  # nginx answers the range from the file
    assert response["X-Accel-Redirect"] == f"/_media/{clinic_audio.file.name}"
    assert response["Content-Type"] == "audio/mpeg"
    assert response["Content-Length"] == "0"
    assert "Content-Encoding" not in response
    assert response.content == b""
