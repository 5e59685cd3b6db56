import pytest

from home import demo
from home.demo_guides import STUDENT_GUIDES
from learning.roles import Role
from tests.conftest import PASSWORD

# The live server needs committed data (see tests/conftest.py on transactional tests).
pytestmark = pytest.mark.django_db(transaction=True)

SIGN_IN = next(guide for guide in STUDENT_GUIDES if guide["slug"] == "sign-in")


@pytest.fixture
def sign_in_guide(db, request):
    """The demo's sign-in guide for students, in English and in the reader's language."""
    index = demo.help_index()
    english, _new = demo.ensure_guide(index, SIGN_IN, "en", None)
    return english, demo.ensure_guide(index, SIGN_IN, request.param, english)[0]


@pytest.mark.parametrize("sign_in_guide", ["ar", "ps"], indirect=True)
def test_a_student_opens_help_from_the_header_and_reads_the_guide_right_to_left(
    sign_in, make_user, sign_in_guide
):
    language = sign_in_guide[1].language
    title = SIGN_IN["title"][language]
    first_step = SIGN_IN["steps"][0][1][language]
    reader = make_user(Role.STUDENT, display_name="Amina Yusuf", preferred_language=language)
    page = sign_in(reader, PASSWORD)
    page.locator("header a.help-link").click()
    page.wait_for_url("**/help/")
    page.get_by_role("link", name=title).click()
    page.wait_for_url(f"**{sign_in_guide[1].url}")
    guide = page.locator("article.guide")
    assert guide.get_attribute("lang") == language and guide.get_attribute("dir") == "rtl"
    assert page.get_by_role("heading", name=title).is_visible()
    assert page.get_by_text(first_step).is_visible()
    # The first step's picture has arrived (a rendition the page may show).
    picture = page.locator("article.guide img").first
    assert picture.evaluate("image => image.complete && image.naturalWidth > 0")
    # Nothing is wider than the phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
