from datetime import date

import pytest

from classes.enrollment import enroll
from classes.models import Attendance
from learning.roles import Role
from tests.conftest import PASSWORD
from tests.factories import add_level, open_class

# The live server needs committed data (see tests/conftest.py on transactional tests).
pytestmark = pytest.mark.django_db(transaction=True)


def evening_class(teacher):
    return open_class(add_level(), [teacher], term_end=date(2026, 9, 20))


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
