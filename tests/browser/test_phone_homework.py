"""Issue #5 end to end on a phone: a student photographs a worksheet and hands it
in; the teacher returns feedback; the student sees it on the assignment."""

import io
import uuid

import pytest
from PIL import Image
from playwright.sync_api import expect

from learning.roles import Role
from packets.demo import ensure_levels
from packets.models import PacketPage
from tests.browser.conftest import PHONE
from tests.classes.submissions.conftest import publish_assignment
from tests.conftest import PASSWORD

# The live server needs committed data (see tests/conftest.py on transactional tests).
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def worksheet_homework(make_class, make_user, teacher):
    """A photo assignment, published before the class exists (publishing into a
    class's level announces it in chat, which cannot broadcast beside Playwright's loop)."""
    packet = PacketPage(title="Week 2", slug=f"w-{uuid.uuid4().hex[:6]}", number=2, summary="s")
    ensure_levels()["level-2"].add_child(instance=packet)
    packet.save_revision().publish()
    assignment = publish_assignment(packet, "photo", title="Photograph your worksheet")
    student = make_user(Role.STUDENT, display_name="Amina Yusuf")
    cohort = make_class(teacher=teacher, students=[student])
    return cohort, student, assignment


def phone_photo():
    buffer = io.BytesIO()
    Image.new("RGB", (1600, 1200), "white").save(buffer, "JPEG")
    return {"name": "IMG_2041.jpg", "mimeType": "image/jpeg", "buffer": buffer.getvalue()}


def signed_in_phone(browser, live_server, user):
    context = browser.new_context(base_url=live_server.url, **PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")
    return page


def test_a_photographed_worksheet_is_handed_in_and_its_feedback_seen(
    browser, live_server, teacher, worksheet_homework
):
    cohort, student, assignment = worksheet_homework
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
