"""/records/students/<id>/intake/: managers and intake staff only, audited,
bad input answered with 400 and nothing lost, in the student's language."""

from django.contrib.auth.models import Group

from classes.data_rights.registry import STUDENT_DATA
from classes.models import AccessAuditEntry, AuditAction, IntakeEntry, IntakeProfile
from learning.roles import INTAKE_STAFF_GROUP, Role


def url(student):
    return f"/records/students/{student.pk}/intake/"


PROFILE = {
    "form": "profile",
    "date_of_birth": "1988-03-14",
    "sex": "female",
    "ethnicity": "not_hispanic",
    "races": ["asian"],
}
ENTRY = {
    "form": "entry",
    "entry_date": "2026-09-07",
    "program_type": "ielce",
    "employment": "unemployed",
    "schooling": "grades_9_12",
    "schooled_in": "abroad",
    "barriers": ["english_learner", "low_income"],
}


def test_a_manager_records_intake_and_every_look_is_audited(login, manager, classroom):
    _cohort, _teacher, amina, _ahmad = classroom
    client = login(manager)
    assert client.get(url(amina)).status_code == 200
    assert client.post(url(amina), PROFILE).status_code == 302
    assert client.post(url(amina), ENTRY).status_code == 302
    profile = IntakeProfile.objects.get(student=amina)
    assert (str(profile.date_of_birth), profile.sex, profile.races) == (
        "1988-03-14",
        "female",
        ["asian"],
    )
    entry = IntakeEntry.objects.get(student=amina)
    assert (entry.program_type, sorted(entry.barriers)) == (
        "ielce",
        ["english_learner", "low_income"],
    )
    actions = list(AccessAuditEntry.objects.order_by("pk").values_list("action", "student_ids"))
    assert actions == [
        (AuditAction.VIEW_INTAKE, [amina.pk]),
        (AuditAction.EDIT_INTAKE, [amina.pk]),
        (AuditAction.EDIT_INTAKE, [amina.pk]),
    ]


def test_saving_the_same_entry_date_corrects_that_entry(login, manager, classroom):
    _cohort, _teacher, amina, _ahmad = classroom
    client = login(manager)
    client.post(url(amina), ENTRY)
    client.post(url(amina), {**ENTRY, "employment": "employed"})
    assert list(IntakeEntry.objects.values_list("employment", flat=True)) == ["employed"]


def test_a_declined_question_keeps_no_answer(login, manager, classroom):
    _cohort, _teacher, amina, _ahmad = classroom
    login(manager).post(
        url(amina), {**PROFILE, "date_of_birth_declined": "on", "races_declined": "on"}
    )
    profile = IntakeProfile.objects.get(student=amina)
    assert (profile.date_of_birth, profile.races) == (None, [])
    assert profile.date_of_birth_declined and profile.races_declined


def test_bad_answers_are_refused_with_400_and_nothing_saved_is_lost(login, manager, classroom):
    _cohort, _teacher, amina, _ahmad = classroom
    client = login(manager)
    client.post(url(amina), PROFILE)
    for bad in (
        {**PROFILE, "sex": "robot"},
        {**PROFILE, "races": ["martian"]},
        {**PROFILE, "date_of_birth": "2999-01-01"},
        {**PROFILE, "date_of_birth": "yesterday"},
        {"form": "neither"},
    ):
        assert client.post(url(amina), bad).status_code == 400, bad
    assert client.post(url(amina), {**ENTRY, "entry_date": "31/31/2026"}).status_code == 400
    assert client.get(url(amina) + "?language=xx").status_code == 400
    assert IntakeProfile.objects.get(student=amina).sex == "female"
    assert not IntakeEntry.objects.exists()


def test_teachers_and_students_are_refused_even_for_their_own_class(login, classroom):
    _cohort, teacher, amina, ahmad = classroom
    assert login(teacher).get(url(amina)).status_code == 403
    page = login(teacher).get(f"/records/students/{amina.pk}/").content.decode()
    assert url(amina) not in page


def test_a_student_cannot_open_their_own_or_anothers_intake(client, login, classroom):
    _cohort, _teacher, amina, ahmad = classroom
    client = login(amina)
    assert client.get(url(amina)).status_code == 403
    assert client.post(url(ahmad), PROFILE).status_code == 403
    assert not IntakeProfile.objects.exists()


def test_intake_staff_named_by_a_manager_may_record_intake(login, make_user, classroom):
    _cohort, _teacher, amina, _ahmad = classroom
    desk = make_user(Role.TEACHER, display_name="Front Desk")
    desk.groups.add(Group.objects.get(name=INTAKE_STAFF_GROUP))
    assert login(desk).post(url(amina), PROFILE).status_code == 302
    assert IntakeProfile.objects.filter(student=amina).exists()


def test_a_manager_finds_intake_from_the_student_s_record(login, manager, classroom):
    _cohort, _teacher, amina, _ahmad = classroom
    page = login(manager).get(f"/records/students/{amina.pk}/").content.decode()
    assert f'href="{url(amina)}"' in page


def test_the_questions_are_shown_in_the_student_s_language(login, manager, classroom):
    _cohort, _teacher, amina, _ahmad = classroom
    amina.preferred_language = "ar"
    amina.save(update_fields=["preferred_language"])
    client = login(manager)
    page = client.get(url(amina)).content.decode()
    assert f'href="{url(amina)}?language=ar"' in page
    arabic = client.get(url(amina) + "?language=ar").content.decode()
    assert '<html lang="ar" dir="rtl"' in arabic


def test_intake_is_in_the_student_s_data_and_erased_with_them(login, manager, classroom):
    _cohort, _teacher, amina, _ahmad = classroom
    client = login(manager)
    client.post(url(amina), PROFILE)
    client.post(url(amina), ENTRY)
    assert STUDENT_DATA["classes.IntakeProfile"].export(amina)[0]["sex"] == "female"
    assert STUDENT_DATA["classes.IntakeEntry"].export(amina)[0]["program_type"] == "ielce"
    for key in ("classes.IntakeProfile", "classes.IntakeEntry"):
        STUDENT_DATA[key].erase(amina)
    assert not IntakeProfile.objects.exists() and not IntakeEntry.objects.exists()


def test_the_entry_form_starts_from_the_newest_answers(login, manager, classroom):
    _cohort, _teacher, amina, _ahmad = classroom
    client = login(manager)
    client.post(url(amina), ENTRY)
    page = client.get(url(amina)).content.decode()
    assert '<option value="ielce" selected>' in page
    assert 'value="english_learner" id="id_barriers_' in page and "checked" in page


def test_intake_staff_see_the_periods_of_a_student_they_do_not_teach(login, make_user, classroom):
    from classes.attendance import Mark, take_attendance

    cohort, teacher, amina, _ahmad = classroom
    first = cohort.sessions.order_by("starts_at")[0]
    take_attendance(first, {amina.pk: Mark("present", 120)}, by=teacher)
    desk = make_user(Role.TEACHER, display_name="Front Desk")
    desk.groups.add(Group.objects.get(name=INTAKE_STAFF_GROUP))
    page = login(desk).get(url(amina)).content.decode()
    assert "Period from" in page and "no status at entry yet" in page
    assert f'value="{first.starts_at.date().isoformat()}"' in page  # the entry date offered


def test_intake_staff_with_no_role_reach_a_student_s_intake_from_home(login, make_user, classroom):
    _cohort, _teacher, amina, ahmad = classroom
    desk = make_user(None, username="desk", display_name="Front Desk")
    desk.groups.add(Group.objects.get(name=INTAKE_STAFF_GROUP))
    client = login(desk)
    home = client.get("/").content.decode()
    assert 'href="/records/intake/"' in home
    listing = client.get("/records/intake/", {"q": amina.name[:4]}).content.decode()
    assert f'href="{url(amina)}"' in listing and url(ahmad) not in listing
    assert "not recorded yet" in listing
    page = client.get(url(amina)).content.decode()
    # Back to the list, not to a record this desk may not open.
    assert 'href="/records/intake/"' in page and f'/records/students/{amina.pk}/"' not in page


def test_the_intake_list_says_who_has_intake_recorded(login, manager, classroom):
    _cohort, _teacher, amina, ahmad = classroom
    client = login(manager)
    client.post(url(amina), PROFILE)
    listing = client.get("/records/intake/").content.decode()
    amina_row = listing[listing.index(url(amina)) :].split("</li>")[0]
    ahmad_row = listing[listing.index(url(ahmad)) :].split("</li>")[0]
    assert "not recorded yet" not in amina_row and "recorded" in amina_row
    assert "not recorded yet" in ahmad_row


def test_the_intake_list_is_refused_to_teachers_and_students(login, classroom):
    _cohort, teacher, amina, _ahmad = classroom
    assert login(teacher).get("/records/intake/").status_code == 403
    assert 'href="/records/intake/"' not in login(teacher).get("/").content.decode()
    assert login(amina).get("/records/intake/").status_code == 403


def test_a_bad_search_or_page_is_a_400(login, manager):
    client = login(manager)
    assert client.get("/records/intake/", {"q": "x" * 101}).status_code == 400
    assert client.get("/records/intake/", {"page": "²"}).status_code == 400
    assert client.get("/records/intake/", {"page": "999"}).status_code == 200


def test_loan_staff_with_no_role_reach_the_loans_from_home(login, make_user):
    from learning.roles import LOAN_STAFF_GROUP

    lender = make_user(None, username="lender", display_name="Lender")
    lender.groups.add(Group.objects.get(name=LOAN_STAFF_GROUP))
    home = login(lender).get("/").content.decode()
    assert 'href="/loans/"' in home
    assert login(lender).get("/loans/").status_code == 200
