import pytest

from home import demo
from home.demo_guides import STUDENT_GUIDES
from learning.roles import Role
from tests.conftest import PASSWORD

# The live server needs committed data (see tests/conftest.py on transactional tests).
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sign_in_guide(db):
    """The demo's sign-in guide for students, in English and in Arabic."""
    index = demo.help_index()
    spec = next(guide for guide in STUDENT_GUIDES if guide["slug"] == "sign-in")
    english, _new = demo.ensure_guide(index, spec, "en", None)
    return english, demo.ensure_guide(index, spec, "ar", english)[0]


def test_an_arabic_student_opens_help_from_the_header_and_reads_the_arabic_guide(
    sign_in, make_user, sign_in_guide
):
    amina = make_user(Role.STUDENT, display_name="Amina Yusuf", preferred_language="ar")
    page = sign_in(amina, PASSWORD)
    page.locator("header a.help-link").click()
    page.wait_for_url("**/help/")
    page.get_by_role("link", name="تسجيل الدخول").click()
    page.wait_for_url(f"**{sign_in_guide[1].url}")
    guide = page.locator("article.guide")
    assert guide.get_attribute("lang") == "ar" and guide.get_attribute("dir") == "rtl"
    assert page.get_by_role("heading", name="تسجيل الدخول").is_visible()
    assert page.get_by_text("اكتب اسم المستخدم وكلمة المرور").is_visible()
    # The first step's picture has arrived (a rendition the page may show).
    picture = page.locator("article.guide img").first
    assert picture.evaluate("image => image.complete && image.naturalWidth > 0")
    # Nothing is wider than the phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
