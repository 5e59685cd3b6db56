"""Issue #5 end to end on a phone: a student photographs a worksheet and hands it
in; the teacher returns feedback; the student sees it on the assignment."""

import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.browser.conftest import new_phone, sign_in_on

# The live server needs committed data (see tests/conftest.py on transactional tests).
pytestmark = pytest.mark.django_db(transaction=True)


def phone_photo():
    buffer = io.BytesIO()
    Image.new("RGB", (1600, 1200), "white").save(buffer, "JPEG")
    return {"name": "IMG_2041.jpg", "mimeType": "image/jpeg", "buffer": buffer.getvalue()}


def signed_in_phone(browser, live_server, user):
    return sign_in_on(new_phone(browser, live_server.url), user)


def test_a_photographed_worksheet_is_handed_in_and_its_feedback_seen(
    browser, live_server, teacher, photo_homework
):
    cohort, student, assignment = photo_homework
    student_phone = signed_in_phone(browser, live_server, student)
    student_phone.goto(assignment.url)
    student_phone.locator("#id_photos").set_input_files(phone_photo())
    student_phone.locator("#hand-in").tap()
    expect(student_phone.locator("#submission-status")).to_contain_text("Submitted")

    teacher_phone = signed_in_phone(browser, live_server, teacher)
    teacher_phone.goto(f"/classes/{cohort.pk}/submissions/")
    teacher_phone.get_by_role("link", name="Photograph your worksheet").first.tap()
    expect(teacher_phone.locator("img[src*='/files/']").first).to_be_visible()
    teacher_phone.get_by_label("Feedback").fill("Clear photo, all answers right!")
    teacher_phone.get_by_label("Score (0 to 10)").fill("10")
    teacher_phone.get_by_role("button", name="Send feedback").tap()
    teacher_phone.wait_for_selector(".messages .success")

    student_phone.goto("/")
    new_feedback = student_phone.locator(".new-feedback")
    expect(new_feedback).to_contain_text("Photograph your worksheet")
    new_feedback.get_by_role("link").first.tap()
    expect(student_phone.get_by_text("Clear photo, all answers right!")).to_be_visible()
    student_phone.goto(assignment.url)
    expect(student_phone.locator("#feedback")).to_contain_text("Clear photo, all answers right!")
    expect(student_phone.locator("#submission-status")).to_contain_text("Returned")
    student_phone.context.close()
    teacher_phone.context.close()
