from datetime import date, time

import pytest
from wagtail.models import Page

from classes.enrollment import enroll
from classes.models import Attendance
from classes.schedule import create_class
from learning.roles import Role
from packets.models import LevelPage
from tests.conftest import PASSWORD

# The live server needs committed data (see tests/conftest.py on transactional tests).
pytestmark = pytest.mark.django_db(transaction=True)


def evening_class(teacher):
    level = LevelPage(slug="level-2", title="Level 2", nrs_level=2, cefr_band="A1")
    Page.objects.get(depth=2).add_child(instance=level)
    return create_class(
        name="Evening Level 2",
        level=level,
        teachers=[teacher],
        term_start=date(2026, 9, 7),
        term_end=date(2026, 9, 20),
        meeting_days=[1, 3],
        start_time=time(18, 0),
    )


def test_a_teacher_takes_the_roll_on_a_phone_with_one_tap_per_change(sign_in, make_user, teacher):
    class_ = evening_class(teacher)
    amina = make_user(Role.STUDENT, display_name="Amina Yusuf")
    ahmad = make_user(Role.STUDENT, display_name="Ahmad Rahimi")
    enroll(amina, class_)
    enroll(ahmad, class_)
    page = sign_in(teacher, PASSWORD)
    page.goto(class_.sessions.first().get_absolute_url())
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.locator(f"label[for='s{ahmad.pk}-late']").tap()
    page.fill(f"#m{ahmad.pk}", "75")
    page.get_by_role("button", name="Save attendance").tap()
    page.wait_for_selector(".messages .success")
    saved = dict(Attendance.objects.values_list("student_id", "status"))
    assert saved == {amina.pk: "present", ahmad.pk: "late"}
    assert Attendance.objects.get(student=ahmad).minutes == 75


def test_the_class_page_fits_a_phone_for_its_teacher(sign_in, make_user, teacher):
    class_ = evening_class(teacher)
    for name in ("Jean-Baptiste Pierre", "Oksana Kovalenko", "Marie Habimana"):
        enroll(make_user(Role.STUDENT, display_name=name), class_)
    page = sign_in(teacher, PASSWORD)
    page.goto(class_.get_absolute_url())
    assert page.get_by_role("heading", name="Students", exact=True).is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
