"""The loans pages as people use them: lending and taking back by form, the
filters (bad ones answered 400 with the reason), the overdue list, and who is
refused what."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from classes.loans.services import set_device_need
from classes.models import Loan, LoanEvent, LoanEventKind
from learning.roles import LOAN_STAFF_GROUP, Role


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def out(make_device, lend, classroom):
    """Amina holds a laptop, due in a week; Ahmad a tablet, overdue; a hotspot waits."""
    _cohort, _teacher, amina, ahmad = classroom
    laptop = make_device("HBR-L-1")
    lend(laptop, amina, lent_on=days(-3), due_back=days(7))
    tablet = make_device("HBR-T-2", kind="tablet")
    lend(tablet, ahmad, lent_on=days(-30), due_back=days(-2))
    hotspot = make_device("HBR-H-3", kind="hotspot")
    return laptop, tablet, hotspot


def test_a_manager_lends_a_device_with_the_form(login, manager, make_device, classroom):
    device = make_device()
    amina = classroom[2]
    client = login(manager)
    assert b"Lend it" in client.get(f"/loans/devices/{device.pk}/").content
    form = {"student": amina.pk, "lent_on": days(0), "due_back": days(30)}
    response = client.post(f"/loans/devices/{device.pk}/lend/", {**form, "agreement_signed": "on"})
    assert response.status_code == 302
    loan = Loan.objects.get()
    assert (loan.student, loan.lent_by, loan.agreement_signed) == (amina, manager, True)


def test_lending_a_device_already_out_is_a_form_error(login, manager, out, classroom):
    laptop = out[0]
    form = {"student": classroom[3].pk, "lent_on": days(0), "due_back": days(30)}
    response = login(manager).post(f"/loans/devices/{laptop.pk}/lend/", form)
    assert response.status_code == 400
    assert "HBR-L-1 is already on loan" in response.content.decode()
    assert Loan.objects.filter(device=laptop).count() == 1


def test_taking_back_closes_the_loan(login, manager, out):
    laptop = out[0]
    client = login(manager)
    assert b"Take it back" in client.get(f"/loans/devices/{laptop.pk}/").content
    response = client.post(
        f"/loans/devices/{laptop.pk}/return/", {"returned_on": days(0), "condition": "good"}
    )
    assert response.status_code == 302
    assert not Loan.objects.open().filter(device=laptop).exists()
    page = client.get(f"/loans/devices/{laptop.pk}/").content.decode()
    assert "Returned" in page and "Lend it" in page


def test_the_list_filters_by_kind_status_and_overdue(login, manager, out):
    client = login(manager)
    page = client.get("/loans/?kind=tablet").content.decode()
    assert "HBR-T-2" in page and "HBR-L-1" not in page
    page = client.get("/loans/?status=available").content.decode()
    assert "HBR-H-3" in page and "HBR-T-2" not in page
    page = client.get("/loans/?overdue=yes").content.decode()
    assert "HBR-T-2" in page and "HBR-L-1" not in page and "HBR-H-3" not in page
    page = client.get("/loans/?overdue=no").content.decode()
    assert "HBR-T-2" not in page and "HBR-L-1" in page


@pytest.mark.parametrize(
    "query", ["kind=spaceship", "status=lost", "overdue=maybe", "kind=%00", "overdue=1"]
)
def test_bad_filters_are_a_400_that_says_why(login, manager, out, query):
    response = login(manager).get(f"/loans/?{query}")
    assert response.status_code == 400
    assert "The list was not shown because of these filters" in response.content.decode()
    assert "HBR-L-1" not in response.content.decode()


def test_the_overdue_list_shows_only_devices_out_past_their_day(login, manager, out):
    page = login(manager).get("/loans/overdue/").content.decode()
    assert "HBR-T-2" in page and "HBR-L-1" not in page


def test_a_teacher_reads_their_students_loans_and_changes_nothing(login, out, classroom):
    laptop = out[0]
    teacher = classroom[1]
    client = login(teacher)
    page = client.get("/loans/").content.decode()
    assert "HBR-L-1" in page and "HBR-H-3" not in page  # on the shelf: not theirs to see
    page = client.get(f"/loans/devices/{laptop.pk}/").content.decode()
    assert "Amina Yusuf" in page and "Take it back" not in page
    form = {"returned_on": days(0), "condition": "good"}
    assert client.post(f"/loans/devices/{laptop.pk}/return/", form).status_code == 403
    assert client.get("/loans/devices/new/").status_code == 403
    assert Loan.objects.open().filter(device=laptop).exists()


def test_another_teacher_sees_none_of_them(login, make_user, out):
    client = login(make_user(Role.TEACHER))
    assert "HBR-L-1" not in client.get("/loans/").content.decode()
    assert client.get(f"/loans/devices/{out[0].pk}/").status_code == 404
    assert "HBR-T-2" not in client.get("/loans/overdue/").content.decode()


@pytest.mark.parametrize("path", ["/loans/", "/loans/overdue/", "/loans/devices/new/"])
def test_students_are_refused_and_anonymous_visitors_sent_to_sign_in(
    client, login, classroom, path
):
    assert client.get(path)["Location"].startswith("/accounts/login/")
    assert login(classroom[2]).get(path).status_code == 403


def test_a_student_cannot_open_even_their_own_device_page(login, out, classroom):
    client = login(classroom[2])
    assert client.get(f"/loans/devices/{out[0].pk}/").status_code == 403
    form = {"student": classroom[2].pk, "lent_on": days(0), "due_back": days(9)}
    assert client.post(f"/loans/devices/{out[2].pk}/lend/", form).status_code == 403


def test_staff_given_the_loans_group_run_the_desk(login, make_user, make_device, classroom):
    desk = make_user(Role.TEACHER)
    desk.groups.add(Group.objects.get(name=LOAN_STAFF_GROUP))
    device = make_device()
    form = {"student": classroom[2].pk, "lent_on": days(0), "due_back": days(9)}
    assert login(desk).post(f"/loans/devices/{device.pk}/lend/", form).status_code == 302


def test_a_manager_adds_a_device(login, manager):
    form = {"kind": "hotspot", "asset_tag": "HBR-H-9", "condition": "good", "status": "available"}
    client = login(manager)
    assert client.post("/loans/devices/new/", form).status_code == 302
    again = client.post("/loans/devices/new/", form)
    assert again.status_code == 400 and "already exists" in again.content.decode()


def test_the_student_s_home_shows_their_device_and_its_due_date(login, out, classroom):
    page = login(classroom[2]).get("/").content.decode()
    due = days(7)
    assert "HBR-L-1" in page and "bring it back by" in page
    assert str(due.year) in page and due.strftime("%B") in page
    assert "HBR-T-2" not in page  # Ahmad's


def test_a_student_says_they_have_no_device_on_their_home(login, classroom):
    client = login(classroom[2])
    response = client.post("/loans/no-device/", {"has_no_device": "yes"})
    assert response.status_code == 302
    assert "You told us you have no device" in client.get("/").content.decode()


def test_the_roster_shows_devices_held_and_who_has_none(login, out, classroom):
    cohort, teacher, amina, ahmad = classroom
    set_device_need(ahmad, True, by=ahmad)
    page = login(teacher).get(f"/classes/{cohort.pk}/").content.decode()
    assert "HBR-L-1" in page and "HBR-T-2" in page and "overdue" in page
    assert page.count('class="no-device"') == 1


def test_a_teacher_marks_no_device_on_the_roster_and_another_cannot(login, make_user, classroom):
    cohort, teacher, amina, _ahmad = classroom
    path = f"/loans/students/{amina.pk}/no-device/"
    form = {"has_no_device": "yes", "next": f"/classes/{cohort.pk}/"}
    stranger = Client()
    stranger.force_login(make_user(Role.TEACHER))
    assert stranger.post(path, form).status_code == 403
    response = login(teacher).post(path, form)
    assert response["Location"] == f"/classes/{cohort.pk}/"
    assert amina.device_need.has_no_device


def test_a_bad_answer_saves_nothing(login, classroom):
    response = login(classroom[2]).post("/loans/no-device/", {"has_no_device": "perhaps"})
    assert response.status_code == 400


def test_the_student_s_record_lists_their_loans(login, out, classroom):
    teacher, amina = classroom[1], classroom[2]
    page = login(teacher).get(f"/records/students/{amina.pk}/").content.decode()
    assert "Devices lent" in page and "HBR-L-1" in page


def test_a_manager_gives_a_teacher_the_loans_permission(login, manager, make_device, classroom):
    teacher, amina = classroom[1], classroom[2]
    client = login(manager)
    assert "Sarah Collins" in client.get("/loans/staff/").content.decode()
    response = client.post("/loans/staff/", {"member": teacher.pk, "granted": "yes"})
    assert response.status_code == 302
    assert LoanEvent.objects.filter(kind=LoanEventKind.STAFF_ADDED, staff=teacher).exists()
    device = make_device()
    form = {"student": amina.pk, "lent_on": days(0), "due_back": days(9)}
    desk = Client()
    desk.force_login(teacher)
    assert desk.post(f"/loans/devices/{device.pk}/lend/", form).status_code == 302
    assert desk.get("/loans/staff/").status_code == 403  # granting stays a manager's act


def test_only_teachers_are_given_the_permission(login, manager, classroom):
    response = login(manager).post("/loans/staff/", {"member": classroom[2].pk, "granted": "yes"})
    assert response.status_code == 400


def test_the_history_speaks_in_words_not_stored_codes(login, manager, out):
    laptop = out[0]
    page = login(manager).get(f"/loans/devices/{laptop.pk}/").content.decode()
    history = page.split("History", 1)[1]
    assert "Status: — → Available" in history  # the device added
    assert "Loan agreement signed: — → No" in history  # and lent
    assert "due_back" not in history and "False" not in history
