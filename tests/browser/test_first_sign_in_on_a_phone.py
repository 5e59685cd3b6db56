"""A student's first sign-in on a phone, from the QR code of her sign-in card:
she picks Arabic, chooses her own password, walks through the picture guide
right to left and lands on her home."""

import pytest

from classes.enrollment import create_student_accounts

# The live server needs committed data (see tests/conftest.py on transactional tests).
pytestmark = pytest.mark.django_db(transaction=True)

PHONE_WIDTH = 360
PICTURE_SHOWN = (
    "(img => img.complete && img.naturalWidth > 0)(document.querySelector('.guide img'))"
)


def test_a_new_student_picks_arabic_sets_a_password_and_sees_the_guide(phone, make_class, teacher):
    cohort = make_class(teacher=teacher)
    ((gul, card_password),) = create_student_accounts(cohort, ["Gul Wazir"], added_by=teacher)

    # The card's QR code opens the sign-in page with her username filled in.
    phone.goto(f"/accounts/login/?username={gul.username}")
    assert phone.get_by_label("Username").input_value() == gul.username
    phone.get_by_label("Password").fill(card_password)
    phone.get_by_role("button", name="Sign in").click()

    phone.wait_for_url("**/welcome/language/")
    phone.get_by_role("button", name="العربيّة").click()

    phone.wait_for_url("**/welcome/password/")
    assert phone.get_attribute("html", "dir") == "rtl"
    phone.locator("#id_password1").fill("river-lantern-42")
    phone.locator("#id_password2").fill("river-lantern-42")
    phone.locator("form[action='/welcome/password/'] button[type=submit]").click()

    phone.wait_for_url("**/welcome/guide/")
    assert phone.get_attribute("html", "lang") == "ar"
    assert phone.get_attribute("html", "dir") == "rtl"
    for _panel in range(5):
        phone.wait_for_function(PICTURE_SHOWN)
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
        with phone.expect_navigation():
            phone.locator(".guide-links .button.primary").click()  # "Next", then "Start"

    phone.wait_for_url(lambda url: url.endswith("/") and "/welcome/" not in url)
    assert phone.get_by_role("heading", name="أهلًا، Gul Wazir").is_visible()
    gul.refresh_from_db()
    assert not gul.password_is_temporary and gul.preferred_language == "ar"
