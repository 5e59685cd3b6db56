"""Private files answer as downloads or safe media, never as a page on Harbor's origin."""

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import path

from classes.uploads.serving import private_file_response
from classes.uploads.storage import PrivateFileSystemStorage, private_name, private_storage
from learning.settings import base
from tests.classes import corpus

HTML = b"<!DOCTYPE html><html><body><script>document.cookie</script></body></html>"


def stored(content, extension):
    return private_storage().save(private_name(extension), ContentFile(content))


def body(response):
    return b"".join(response.streaming_content)


def test_html_bytes_are_downloaded_never_shown_even_with_their_sniffed_type():
    name = stored(HTML, ".html")

    response = private_file_response(name, filename="homework.html", content_type="text/html")

    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/octet-stream"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert body(response) == HTML


@pytest.mark.parametrize("content_type", ["image/svg+xml", "text/xml", "application/xhtml+xml"])
def test_svg_and_xml_are_downloaded_too(content_type):
    name = stored(b'<svg xmlns="http://www.w3.org/2000/svg"/>', ".svg")

    response = private_file_response(name, filename="drawing.svg", content_type=content_type)

    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/octet-stream"


def test_photo_is_shown_inline_and_kept_only_in_the_viewers_browser():
    photo = corpus.encoded(corpus.marked_picture(), "JPEG")
    name = stored(photo, ".jpg")

    response = private_file_response(name, filename="photo.jpg", content_type="image/jpeg")

    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"] == 'inline; filename="photo.jpg"'
    assert response["Cache-Control"] == "private, max-age=3600"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert body(response) == photo


def test_recording_is_playable_inline():
    name = stored(corpus.wav(1), ".wav")

    response = private_file_response(name, filename="answer.wav", content_type="audio/wav")

    assert response["Content-Disposition"].startswith("inline;")


def test_no_cache_when_asked():
    name = stored(b"\xff\xd8\xff", ".jpg")

    response = private_file_response(
        name, filename="a.jpg", content_type="image/jpeg", cache_seconds=0
    )

    assert response["Cache-Control"] == "private, no-store"


def test_file_name_in_a_students_language_survives_the_download():
    name = stored(b"\xff\xd8\xff", ".jpg")

    response = private_file_response(name, filename="واجب.jpg", content_type="image/jpeg")

    assert "filename*=utf-8''%D9%88%D8%A7%D8%AC%D8%A8.jpg" in response["Content-Disposition"]


def test_field_file_is_read_from_its_own_storage():
    name = stored(b"RIFF....WAVE", ".wav")
    field_file = type("FieldFile", (), {"name": name, "storage": private_storage()})()

    response = private_file_response(field_file, filename="a.wav", content_type="audio/wav")

    assert body(response) == b"RIFF....WAVE"


@override_settings(HARBOR_PRIVATE_MEDIA_ACCEL_REDIRECT="/_private/")
def test_with_nginx_the_transfer_is_handed_over_after_the_check():
    name = stored(b"\xff\xd8\xff", ".jpg")

    response = private_file_response(name, filename="a.jpg", content_type="image/jpeg")

    assert response["X-Accel-Redirect"] == f"/_private/{name}"
    assert response.content == b""
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"] == 'inline; filename="a.jpg"'
    assert response["X-Content-Type-Options"] == "nosniff"


@override_settings(HARBOR_PRIVATE_MEDIA_ACCEL_REDIRECT="/_private/")
def test_with_nginx_html_is_still_a_download():
    response = private_file_response("x.html", filename="x.html", content_type="text/html")

    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/octet-stream"


def test_private_storage_gives_no_url(tmp_path):
    storage = PrivateFileSystemStorage(location=tmp_path)
    name = storage.save("a.jpg", ContentFile(b"x"))

    with pytest.raises(ValueError, match="no URL"):
        storage.url(name)


def test_private_files_live_outside_public_media():
    private = base.STORAGES["private"]
    assert private["BACKEND"] == "classes.uploads.storage.PrivateFileSystemStorage"
    location = private["OPTIONS"]["location"].resolve()
    assert not location.is_relative_to(base.MEDIA_ROOT.resolve())
    assert not base.MEDIA_ROOT.resolve().is_relative_to(location)


def test_stored_names_say_nothing_about_the_student():
    assert private_name(".jpg") != private_name(".jpg")
    assert private_name(".jpg").endswith(".jpg") and len(private_name(".jpg")) == 36


RECORDING = bytes(range(256)) * 4  # 1,024 distinct-enough bytes


def ranged(rf, range_header, cache_seconds=3600):
    name = stored(RECORDING, ".webm")
    request = rf.get("/", headers={"Range": range_header} if range_header else {})
    return private_file_response(
        name, filename="a.webm", content_type="audio/webm", request=request
    )


@pytest.mark.parametrize(
    ("range_header", "first", "last"),
    [("bytes=0-1", 0, 1), ("bytes=1000-", 1000, 1023), ("bytes=-24", 1000, 1023),
     ("bytes=10-5000", 10, 1023)],
)  # fmt: skip
def test_safari_gets_the_part_of_a_recording_it_asks_for(rf, range_header, first, last):
    response = ranged(rf, range_header)

    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {first}-{last}/1024"
    assert body(response) == RECORDING[first : last + 1]
    assert response["Content-Length"] == str(last - first + 1)
    assert response["X-Content-Type-Options"] == "nosniff"


def test_whole_recording_says_parts_may_be_asked_for(rf):
    response = ranged(rf, None)

    assert response.status_code == 200 and response["Accept-Ranges"] == "bytes"
    assert body(response) == RECORDING


@pytest.mark.parametrize("range_header", ["bytes=0-1,5-6", "bytes=9-3", "pages=1-2"])
def test_ranges_it_cannot_serve_get_the_whole_file(rf, range_header):
    response = ranged(rf, range_header)

    assert response.status_code == 200 and body(response) == RECORDING


def test_range_past_the_end_is_refused(rf):
    response = ranged(rf, "bytes=5000-")

    assert response.status_code == 416 and response["Content-Range"] == "bytes */1024"


# Through the whole middleware stack: the file's own restrictive policy is the
# one the browser gets, not the site's page policy.


def serve(request, name):
    return private_file_response(
        name, filename=request.GET["filename"], content_type=request.GET["type"]
    )


urlpatterns = [path("private-test/<str:name>", serve)]


@pytest.mark.urls(__name__)
def test_html_through_the_middleware_keeps_the_files_own_headers(client):
    name = stored(HTML, ".html")

    response = client.get(f"/private-test/{name}", {"filename": "a.html", "type": "text/html"})

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/octet-stream"
