"""A manager reads the dashboard on a laptop (1280 × 800): the "All levels" total
stays in view however many levels the program has, without scrolling sideways."""

import pytest

from tests.conftest import PASSWORD
from tests.factories import add_level, open_class

pytestmark = pytest.mark.django_db(transaction=True)

LAPTOP = {"viewport": {"width": 1280, "height": 800}}
# Six NRS levels, named as long as programs name them.
LEVEL_TITLES = [
    "Level 1 · Beginning ESL Literacy",
    "Level 2 · Low Beginning ESL",
    "Level 3 · High Beginning ESL",
    "Level 4 · Low Intermediate ESL",
    "Level 5 · High Intermediate ESL",
    "Level 6 · Advanced ESL",
]


@pytest.fixture
def laptop(browser, live_server):
    context = browser.new_context(base_url=live_server.url, **LAPTOP)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def program_of_six_levels(teacher):
    for nrs, title in enumerate(LEVEL_TITLES, start=1):
        level = add_level(f"level-{nrs}", title, nrs)
        open_class(level, [teacher], name=f"Evening {title}")


def test_the_all_levels_total_is_in_view_on_a_laptop(laptop, manager, teacher):
    program_of_six_levels(teacher)
    laptop.goto("/accounts/login/")
    laptop.get_by_label("Username").fill(manager.username)
    laptop.get_by_label("Password").fill(PASSWORD)
    laptop.get_by_role("button", name="Sign in").click()
    laptop.wait_for_url("**/")
    laptop.goto("/records/?start=2026-09-01&end=2026-12-31")
    total = laptop.get_by_role("columnheader", name="All levels")
    box = total.bounding_box()
    assert box is not None
    assert box["x"] >= 0 and box["x"] + box["width"] <= LAPTOP["viewport"]["width"]
    page_width = laptop.evaluate("document.documentElement.scrollWidth")
    assert page_width <= LAPTOP["viewport"]["width"]
    assert laptop.get_by_role("link", name="Students (XLSX)").is_visible()
