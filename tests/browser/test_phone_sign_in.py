import pytest

from tests.conftest import PASSWORD

# The live server needs committed data (see tests/conftest.py on transactional tests).
pytestmark = pytest.mark.django_db(transaction=True)


def test_a_student_signs_in_on_a_phone_and_sees_their_home(sign_in, student):
    page = sign_in(student, PASSWORD)
    assert page.get_by_role("heading", name="Welcome, Amina Yusuf").is_visible()
    assert page.get_by_text("Here are your classes and this week's work.").is_visible()
    # Nothing is wider than the phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_switching_to_arabic_turns_the_page_right_to_left(phone, student, sign_in):
    page = sign_in(student, PASSWORD)
    page.get_by_label("Language").select_option("ar")
    page.get_by_role("button", name="Change").click()
    page.wait_for_selector("html[dir=rtl]")
    assert page.get_attribute("html", "lang") == "ar"
    assert page.get_by_role("heading", name="أهلًا، Amina Yusuf").is_visible()
    # Logical CSS: the header's start edge is now on the right.
    brand = page.get_by_role("link", name="Harbor", exact=True).bounding_box()
    assert brand["x"] > 180
