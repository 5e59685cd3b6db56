import pytest

from tests.conftest import PASSWORD
from tests.packets.flashcards.conftest import new_level, new_packet, vocabulary, word

# The live server needs committed data (see tests/conftest.py on transactional tests).
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def packet(transactional_db):
    return new_packet(
        new_level(),
        vocabulary(word("doctor", "a person who treats sick people", ar="طبيب")),
        vocabulary(word("nurse", "a person who cares for patients")),
    )


def test_a_student_taps_a_card_to_reveal_it_and_grades_it(sign_in, student, packet):
    page = sign_in(student, PASSWORD)
    page.goto(f"{packet.url}flashcards/")
    meaning = page.get_by_text("a person who treats sick people")
    assert page.get_by_text("doctor", exact=True).is_visible()
    assert not meaning.is_visible()
    page.locator("[data-flashcard]").click(position={"x": 20, "y": 20})
    assert meaning.is_visible()
    page.get_by_role("button", name="Good").click()
    page.get_by_text("nurse", exact=True).wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_without_javascript_the_answer_opens_and_the_grade_posts(
    browser, live_server, student, packet
):
    from tests.browser.conftest import PHONE

    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(student.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")
    page.goto(f"{packet.url}flashcards/")
    page.get_by_text("Show the answer").click()
    assert page.get_by_text("a person who treats sick people").is_visible()
    page.get_by_role("button", name="Again").click()
    page.get_by_text("nurse", exact=True).wait_for()
    context.close()
