"""Photos of paper work handed in on the assignment page, through the upload pipeline."""

import gzip
import io

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from PIL import Image

from classes.models import SubmissionFile, SubmissionVersion
from tests.classes import corpus
from tests.classes.submissions.conftest import (
    element,
    open_page,
    photo_upload,
    post_work,
    publish_assignment,
    token,
)

pytestmark = pytest.mark.django_db


def test_the_form_offers_the_camera_and_the_phones_photos(client, amina, assignments):
    page = open_page(client, assignments["photo"])
    form = element(page, "submission-form", "</form>")
    assert (
        '<input type="file" name="photos" id="id_photos" accept="image/*" '
        'capture="environment" multiple>'
    ) in form
    assert '<label for="id_photos">' in form and '<label for="id_photos_chosen">' in form
    assert 'enctype="multipart/form-data" class="submission-form"' in page.content.decode()


def test_only_the_photo_form_brings_the_script_that_makes_photos_small(client, amina, assignments):
    page = open_page(client, assignments["photo"]).content.decode()
    assert '<script src="/static/classes/photo.js" defer>' in page
    assert '<script id="photo-strings" type="application/json">' in page
    # Without JavaScript the bar stays hidden and the form posts the photos whole.
    assert '<progress id="photo-progress" max="1" aria-labelledby="photo-status" hidden>' in page
    for kind in ("written", "audio", "quiz"):
        assert "photo.js" not in open_page(client, assignments[kind]).content.decode()


def test_the_photo_script_costs_a_phone_little_data():
    script = settings.BASE_DIR / "classes" / "static" / "classes" / "photo.js"
    assert len(gzip.compress(script.read_bytes())) < 3_000


def test_two_photos_are_handed_in_as_clean_jpegs(client, amina, assignments):
    phone_photo = corpus.upload(corpus.phone_jpeg(), "IMG_0001.jpg", "image/jpeg")
    response = post_work(
        client,
        assignments["photo"],
        {"photos": [phone_photo, photo_upload("page2.png")], "token": token()},
    )
    assert response.status_code == 303
    stored = list(SubmissionFile.objects.filter(kind="photo"))
    assert [f.content_type for f in stored] == ["image/jpeg", "image/jpeg"]
    for photo in stored:
        picture = Image.open(io.BytesIO(photo.file.read()))
        assert picture.format == "JPEG"
        assert not picture.getexif()  # no GPS, no EXIF at all
        assert not {"exif", "icc_profile", "xmp"} & picture.info.keys()
    page = open_page(client, assignments["photo"])
    sent = element(page, "submission", "</ul>")
    assert f"/submissions/{stored[0].submission_id}/files/{stored[0].pk}" in sent


def test_photos_from_the_camera_and_the_gallery_count_together(client, amina, assignments):
    # Both file inputs are named "photos": the browser sends them as one list.
    post_work(
        client,
        assignments["photo"],
        {"photos": [photo_upload("camera.jpg"), photo_upload("gallery.jpg")], "token": token()},
    )
    assert SubmissionFile.objects.count() == 2


def test_a_file_that_is_not_a_photo_is_refused_and_nothing_is_saved(client, amina, assignments):
    page_saved_as_jpg = corpus.upload(b"<html>not a photo</html>", "homework.jpg", "image/jpeg")
    response = post_work(
        client,
        assignments["photo"],
        {"photos": [photo_upload(), page_saved_as_jpg], "token": token()},
    )
    assert response.status_code == 400
    errors = element(response, "photos-errors", "</ul>")
    assert "Photo 2 (homework.jpg)" in errors and "JPEG, PNG, WebP or HEIC" in errors
    assert "choose your photos again" in errors
    assert not SubmissionVersion.objects.exists() and not SubmissionFile.objects.exists()


@override_settings(HARBOR_UPLOAD_MAX_IMAGE_BYTES=1000)
def test_a_photo_too_large_is_refused_with_the_limit(client, amina, assignments):
    response = post_work(client, assignments["photo"], {"photos": photo_upload(), "token": token()})
    assert response.status_code == 400
    assert "too large" in element(response, "photos-errors", "</ul>")
    assert not SubmissionFile.objects.exists()


@override_settings(HARBOR_SUBMISSION_MAX_PHOTOS=2)
def test_too_many_photos_are_refused_with_the_limit(client, amina, assignments):
    photos = [photo_upload(f"page{n}.jpg", size=(40, 30)) for n in range(3)]
    response = post_work(client, assignments["photo"], {"photos": photos, "token": token()})
    assert response.status_code == 400
    assert "at most 2 photos" in element(response, "photos-errors", "</ul>")
    assert not SubmissionFile.objects.exists()


def test_handing_in_without_a_photo_says_what_is_missing(client, amina, assignments):
    response = post_work(client, assignments["photo"], {"token": token()})
    assert response.status_code == 400
    assert "Add at least one photo" in element(response, "photos-errors", "</ul>")
    assert not SubmissionVersion.objects.exists()


def test_the_page_costs_the_same_queries_with_one_photo_or_many(
    client, amina, bus_packet, django_assert_max_num_queries
):
    one, many = publish_assignment(bus_packet, "photo"), publish_assignment(bus_packet, "photo")
    post_work(client, one, {"photos": [photo_upload(size=(40, 30))], "token": token()})
    for _ in range(3):  # three versions of six photos each
        photos = [photo_upload(size=(40, 30)) for _ in range(6)]
        post_work(client, many, {"photos": photos, "token": token()})
    open_page(client, one)  # warm the caches
    with CaptureQueriesContext(connection) as few:
        assert open_page(client, one).status_code == 200
    with django_assert_max_num_queries(len(few)):
        assert open_page(client, many).status_code == 200
