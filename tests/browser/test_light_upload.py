"""Issue #13 on a phone: a camera photo of several megabytes is made small in the
browser before it is sent (classes/static/classes/photo.js), with a progress bar;
what the browser cannot make small, and every photo without JavaScript, goes whole."""

import io
import random
from functools import cache

import pytest
from PIL import Image, ImageChops, ImageDraw
from playwright.sync_api import expect

from classes.models import SubmissionFile, SubmissionVersion
from classes.uploads import images  # noqa: F401  (registers Pillow's HEIF plugin)
from tests.browser.conftest import new_phone, sign_in_on

# The live server needs committed data (see tests/conftest.py on transactional tests).
pytestmark = pytest.mark.django_db(transaction=True)

CAMERA_BYTES = 4_000_000  # a phone camera's photo
SENT_AT_MOST = 400_000  # what the same photo may cost on the student's data plan
KEPT_SIDE = 1600


@cache
def worksheet_picture(width=4000, height=3000):
    """A written page as a phone camera sees it: uneven light, lines of
    handwriting, sensor grain (the grain is what makes camera JPEGs big)."""
    light = Image.linear_gradient("L").resize((width, height)).point(lambda v: 170 + v * 70 // 255)
    paper = Image.merge("RGB", (light, light.point(lambda v: v - 8), light.point(lambda v: v - 25)))
    pen = ImageDraw.Draw(paper)
    words = random.Random(13)
    for top in range(height // 12, height - height // 12, height // 46):
        left = width // 13
        while left < width - width // 10:
            length = words.randint(width // 100, width // 18)
            pen.rectangle((left, top, left + length, top + height // 100), fill=(40, 40, 60))
            left += length + words.randint(width // 160, width // 66)
    grain = Image.merge("RGB", (Image.effect_noise((width, height), 10),) * 3)
    return ImageChops.add(paper, grain, offset=-128)


@cache
def camera_jpeg(orientation=1):
    """The 12-megapixel photo as the camera saves it; orientation 6 is a phone
    held upright, whose camera stores the pixels sideways and says so in EXIF."""
    exif = Image.Exif()
    exif[0x0112] = orientation
    buffer = io.BytesIO()
    worksheet_picture().save(buffer, "JPEG", quality=92, exif=exif)
    return buffer.getvalue()


def chosen(data, name="IMG_20270114_0930.jpg", mime="image/jpeg"):
    return {"name": name, "mimeType": mime, "buffer": data}


def signed_in_phone(browser, live_server, user, **options):
    return sign_in_on(new_phone(browser, live_server.url, timeout_ms=30_000, **options), user)


SENDING_STATE = """() => ({
    progress: !document.getElementById("photo-progress").hidden,
    button: document.getElementById("hand-in").disabled,
})"""


def hand_in_posts(page, assignment, scripted=True, fail_first=False):
    """Every hand-in post the page sends: its body's bytes on the wire and (with
    JavaScript) whether the progress bar showed and the button was disabled."""
    posts = []

    def watch(route):
        request = route.request
        post = {"bytes": len(request.post_data_buffer or b"")}
        if scripted:
            post["while sending"] = page.evaluate(SENDING_STATE)
        posts.append(post)
        if fail_first and len(posts) == 1:
            route.abort("internetdisconnected")
        else:
            route.continue_()

    page.route(lambda url: url.endswith(assignment.url), watch)
    return posts


def stored_photos(student):
    files = SubmissionFile.objects.filter(kind="photo", submission__student=student)
    return [Image.open(io.BytesIO(stored.file.read())) for stored in files.order_by("pk")]


def versions_of(student):
    return SubmissionVersion.objects.filter(submission__student=student).count()


def test_the_test_photo_is_as_big_as_a_camera_photo():
    assert len(camera_jpeg()) >= CAMERA_BYTES
    assert Image.open(io.BytesIO(camera_jpeg())).size == (4000, 3000)


def test_a_camera_photo_is_made_small_on_the_phone_before_it_is_sent(
    browser, live_server, photo_homework
):
    _class, student, assignment = photo_homework
    phone = signed_in_phone(browser, live_server, student)
    phone.goto(assignment.url)
    posts = hand_in_posts(phone, assignment)
    phone.locator("#id_photos").set_input_files(chosen(camera_jpeg()))
    phone.locator("#hand-in").tap()

    expect(phone.locator(".messages")).to_contain_text("Submitted")
    expect(phone.locator("#submission-status")).to_contain_text("Submitted")
    [post] = posts
    assert post["bytes"] <= SENT_AT_MOST
    assert post["while sending"] == {"progress": True, "button": True}
    [photo] = stored_photos(student)
    assert photo.size == (KEPT_SIDE, 1200)

    # The form on the page that came back sends small photos too, once per tap.
    phone.locator("#id_photos_chosen").set_input_files(chosen(camera_jpeg()))
    phone.locator("#hand-in").tap()
    expect(phone.locator("#submission-versions")).to_have_text("2")
    assert len(posts) == 2 and posts[1]["bytes"] <= SENT_AT_MOST
    assert versions_of(student) == 2
    phone.context.close()


def test_a_photo_taken_upright_arrives_upright(browser, live_server, photo_homework):
    _class, student, assignment = photo_homework
    phone = signed_in_phone(browser, live_server, student)
    phone.goto(assignment.url)
    posts = hand_in_posts(phone, assignment)
    phone.locator("#id_photos").set_input_files(chosen(camera_jpeg(orientation=6)))
    phone.locator("#hand-in").tap()
    expect(phone.locator("#submission-status")).to_contain_text("Submitted")
    assert posts[0]["bytes"] <= SENT_AT_MOST
    [photo] = stored_photos(student)
    assert photo.size == (1200, KEPT_SIDE)
    phone.context.close()


def test_a_photo_the_browser_cannot_open_is_sent_as_it_is(browser, live_server, photo_homework):
    """An iPhone's HEIC: Chromium cannot decode it, the server can."""
    _class, student, assignment = photo_homework
    buffer = io.BytesIO()
    worksheet_picture(2000, 1500).save(buffer, "HEIF", quality=80)
    heic = buffer.getvalue()
    phone = signed_in_phone(browser, live_server, student)
    phone.goto(assignment.url)
    posts = hand_in_posts(phone, assignment)
    phone.locator("#id_photos").set_input_files(chosen(heic, "IMG_0042.HEIC", "image/heic"))
    phone.locator("#hand-in").tap()
    expect(phone.locator("#submission-status")).to_contain_text("Submitted")
    assert posts[0]["bytes"] > len(heic)
    [photo] = stored_photos(student)
    assert photo.size == (KEPT_SIDE, 1200)
    phone.context.close()


def test_a_lost_connection_is_said_and_the_photo_can_be_sent_again(
    browser, live_server, photo_homework
):
    _class, student, assignment = photo_homework
    phone = signed_in_phone(browser, live_server, student)
    phone.goto(assignment.url)
    posts = hand_in_posts(phone, assignment, fail_first=True)
    phone.locator("#id_photos").set_input_files(chosen(camera_jpeg()))
    phone.locator("#hand-in").tap()

    expect(phone.locator("#photo-status")).to_contain_text("Your photos were not sent")
    expect(phone.locator("#hand-in")).to_be_enabled()
    expect(phone.locator("#photo-progress")).to_be_hidden()
    assert versions_of(student) == 0

    phone.locator("#hand-in").tap()
    expect(phone.locator("#submission-status")).to_contain_text("Submitted")
    assert len(posts) == 2
    assert versions_of(student) == 1
    phone.context.close()


def test_a_refused_file_is_explained_as_after_a_plain_post(browser, live_server, photo_homework):
    _class, student, assignment = photo_homework
    phone = signed_in_phone(browser, live_server, student)
    phone.goto(assignment.url)
    hand_in_posts(phone, assignment)
    phone.locator("#id_photos").set_input_files(chosen(b"my answers", "answers.jpg"))
    phone.locator("#hand-in").tap()
    expect(phone.locator("#photos-errors")).to_contain_text("Photo 1 (answers.jpg)")
    expect(phone.locator("#hand-in")).to_be_enabled()
    assert versions_of(student) == 0
    phone.context.close()


def test_without_javascript_the_whole_photo_is_sent_and_handed_in(
    browser, live_server, photo_homework
):
    _class, student, assignment = photo_homework
    phone = signed_in_phone(browser, live_server, student, java_script_enabled=False)
    phone.goto(assignment.url)
    posts = hand_in_posts(phone, assignment, scripted=False)
    phone.locator("#id_photos").set_input_files(chosen(camera_jpeg()))
    phone.locator("#hand-in").tap()

    expect(phone.locator(".messages")).to_contain_text("Submitted")
    [post] = posts
    assert post["bytes"] > len(camera_jpeg())
    [photo] = stored_photos(student)
    assert photo.size == (KEPT_SIDE, 1200)
    phone.context.close()
