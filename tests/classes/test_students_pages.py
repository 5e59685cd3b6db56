from django.contrib.auth import get_user_model

from classes.models import Enrollment
from tests.pages import page_scripts


def test_new_accounts_are_shown_once_on_printable_cards(login, a_class, teacher, client):
    client = login(teacher)
    response = client.post(
        f"/classes/{a_class.pk}/students/add/",
        {"names": "Gul Wazir\nMarie Habimana", "token": "t1"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "gul.wazir1" in page and "marie.habimana1" in page
    assert "not shown again" in page
    gul = get_user_model().objects.get(username="gul.wazir1")
    assert gul.is_student and Enrollment.objects.filter(student=gul, cohort=a_class).exists()
    cards = client.get(f"/classes/{a_class.pk}/students/cards/").content.decode()
    assert "gul.wazir1" in cards and "not shown again" not in cards
    assert page_scripts(cards) == [] and "@media print" not in cards  # print CSS is in the file


def test_new_accounts_take_the_language_the_teacher_chose(login, a_class, teacher):
    client = login(teacher)
    form = client.get(f"/classes/{a_class.pk}/students/add/").content.decode()
    assert '<option value="prs">' in form
    client.post(
        f"/classes/{a_class.pk}/students/add/",
        {"names": "Gul Wazir", "language": "prs", "token": "t2"},
    )
    assert get_user_model().objects.get(username="gul.wazir1").preferred_language == "prs"


def test_a_language_harbor_does_not_offer_is_refused(login, a_class, teacher):
    client = login(teacher)
    response = client.post(
        f"/classes/{a_class.pk}/students/add/",
        {"names": "Gul Wazir", "language": "xx", "token": "t3"},
    )
    assert response.status_code == 400
    assert not get_user_model().objects.filter(username="gul.wazir1").exists()


def test_an_existing_student_is_added_by_username(login, a_class, teacher, student):
    response = login(teacher).post(
        f"/classes/{a_class.pk}/students/add/", {"username": student.username, "token": "t1"}
    )
    assert response.status_code == 302
    assert Enrollment.objects.get().student == student


def test_a_bad_username_adds_nobody(login, a_class, teacher):
    page = (
        login(teacher)
        .post(
            f"/classes/{a_class.pk}/students/add/",
            {"names": "Gul Wazir", "username": "nobody", "token": "t1"},
        )
        .content.decode()
    )
    assert "No account has the username nobody." in page
    assert not Enrollment.objects.exists()
    assert not get_user_model().objects.filter(display_name="Gul Wazir").exists()


def test_an_empty_form_asks_for_names(login, a_class, teacher):
    page = (
        login(teacher)
        .post(f"/classes/{a_class.pk}/students/add/", {"names": " ", "token": "t1"})
        .content.decode()
    )
    assert "Write names for new accounts, or a username." in page


def test_withdrawing_a_student_keeps_them_on_the_roster(login, a_class, enrolled, teacher):
    amina = enrolled(display_name="Amina")
    enrollment = Enrollment.objects.get(student=amina)
    client = login(teacher)
    client.post(f"/classes/{a_class.pk}/students/{enrollment.pk}/withdraw/")
    enrollment.refresh_from_db()
    assert enrollment.status == "withdrawn"
    assert "Withdrawn" in client.get(f"/classes/{a_class.pk}/").content.decode()


def test_a_student_cannot_withdraw_a_classmate(login, a_class, enrolled):
    amina, ahmad = enrolled(), enrolled()
    enrollment = Enrollment.objects.get(student=ahmad)
    assert (
        login(amina).post(f"/classes/{a_class.pk}/students/{enrollment.pk}/withdraw/").status_code
        == 403
    )
    enrollment.refresh_from_db()
    assert enrollment.is_active


def test_a_teacher_gives_a_student_without_email_a_new_password(login, a_class, teacher):
    from classes.enrollment import create_student_accounts

    ((gul, old_password),) = create_student_accounts(a_class, ["Gul Wazir"], added_by=teacher)
    enrollment = Enrollment.objects.get(student=gul)
    page = (
        login(teacher)
        .post(f"/classes/{a_class.pk}/students/{enrollment.pk}/password/")
        .content.decode()
    )
    gul.refresh_from_db()
    assert not gul.check_password(old_password)
    new_password = page.split('<dd class="code">')[2].split("<")[0]
    assert gul.check_password(new_password)


def test_a_student_with_email_keeps_their_password(login, a_class, enrolled, teacher):
    from tests.conftest import PASSWORD

    amina = enrolled(email="amina@example.org")
    enrollment = Enrollment.objects.get(student=amina)
    response = login(teacher).post(
        f"/classes/{a_class.pk}/students/{enrollment.pk}/password/", follow=True
    )
    assert "Only students without email" in response.content.decode()
    amina.refresh_from_db()
    assert amina.check_password(PASSWORD)


def test_a_student_cannot_reset_a_classmates_password(login, a_class, enrolled):
    from tests.conftest import PASSWORD

    amina, ahmad = enrolled(), enrolled()
    enrollment = Enrollment.objects.get(student=ahmad)
    assert (
        login(amina).post(f"/classes/{a_class.pk}/students/{enrollment.pk}/password/").status_code
        == 403
    )
    ahmad.refresh_from_db()
    assert ahmad.check_password(PASSWORD)


def test_sending_the_form_twice_creates_the_accounts_once(login, a_class, teacher):
    client = login(teacher)
    url = f"/classes/{a_class.pk}/students/add/"
    client.post(url, {"names": "Gul Wazir", "token": "once"})
    again = client.post(url, {"names": "Gul Wazir", "token": "once"}, follow=True)
    assert "already sent" in again.content.decode()
    assert get_user_model().objects.filter(display_name="Gul Wazir").count() == 1


def test_a_corrected_form_may_be_sent_after_an_error(login, a_class, teacher):
    client = login(teacher)
    url = f"/classes/{a_class.pk}/students/add/"
    client.post(url, {"names": "Gul Wazir", "username": "nobody", "token": "fix"})
    response = client.post(url, {"names": "Gul Wazir", "token": "fix"})
    assert "gul.wazir1" in response.content.decode()
