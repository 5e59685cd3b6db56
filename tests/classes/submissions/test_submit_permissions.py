"""Who may hand work in on an assignment page: only active students of a class at
its level. Everyone else sees what is asked (or a sign-in link) and a POST from
them saves nothing."""

import json

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from classes.enrollment import withdraw
from classes.models import Enrollment, Submission
from classes.submissions import pages
from learning.roles import Role
from packets.demo import ensure_levels
from tests.classes.submissions.conftest import element, open_page, post_work, token

pytestmark = pytest.mark.django_db


def hand_in(client, assignment):
    return post_work(client, assignment, {"text": "Hello.", "token": token()})


def test_anonymous_visitors_of_a_public_level_see_a_sign_in_link(client, assignments):
    PageViewRestriction.objects.filter(page=ensure_levels()["level-2"]).delete()
    page = open_page(client, assignments["written"])
    link = element(page, "sign-in-to-hand-in", "</a>")
    assert f"/accounts/login/?next={assignments['written'].url}" in link
    assert 'id="submission-form"' not in page.content.decode()


def test_an_anonymous_post_goes_to_sign_in_and_saves_nothing(client, assignments):
    response = hand_in(client, assignments["written"])  # the level is private
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    PageViewRestriction.objects.filter(page=ensure_levels()["level-2"]).delete()
    response = hand_in(client, assignments["written"])  # public: the hook itself refuses
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert not Submission.objects.exists()


@pytest.mark.parametrize("kind", ["written", "photo", "audio", "quiz"])
def test_a_teacher_sees_what_students_are_asked_and_no_form(
    client, login, classroom, assignments, kind
):
    _cohort, teacher, _amina, _ahmad = classroom
    login(teacher)
    page = open_page(client, assignments[kind])
    assert "What students are asked" in element(page, "submission", "</section>")
    assert 'id="submission-form"' not in page.content.decode()


@pytest.mark.parametrize("role", [Role.TEACHER, Role.MANAGER])
def test_a_post_from_staff_is_refused_and_saves_nothing(
    client, login, make_user, classroom, assignments, role
):
    login(make_user(role))
    assert hand_in(client, assignments["written"]).status_code == 403
    assert not Submission.objects.exists()


def test_a_student_of_another_level_sees_a_note_and_is_refused(
    client, login, make_user, make_class, assignments
):
    other = make_user(Role.STUDENT)
    cohort = make_class(students=[other])
    cohort.level = ensure_levels()["level-1"]
    cohort.save()
    login(other)
    page = open_page(client, assignments["written"])
    assert "not in a class at this level" in element(page, "not-enrolled", "</p>")
    assert 'id="submission-form"' not in page.content.decode()
    assert hand_in(client, assignments["written"]).status_code == 403
    assert not Submission.objects.exists()


def test_a_withdrawn_student_is_refused_even_with_work_handed_in_before(
    client, login, classroom, assignments
):
    _cohort, _teacher, amina, _ahmad = classroom
    login(amina)
    assert hand_in(client, assignments["written"]).status_code == 303
    withdraw(Enrollment.objects.get(student=amina))
    assert hand_in(client, assignments["written"]).status_code == 403
    autosave = post_work(
        client,
        assignments["written"],
        {"text": "typing", "action": "draft"},
        HTTP_ACCEPT="application/json",
    )
    assert autosave.status_code == 403 and json.loads(autosave.content)["saved"] is False
    submission = Submission.objects.get()
    assert (submission.versions.count(), submission.draft_text) == (1, "")
    page = open_page(client, assignments["written"])
    assert "Submitted" in element(page, "submission-status", "</dd>")  # the history stays
    assert 'id="not-enrolled"' in page.content.decode()


def test_a_post_without_the_csrf_token_is_refused(classroom, assignments):
    _cohort, _teacher, amina, _ahmad = classroom
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(amina)
    assert hand_in(browser, assignments["written"]).status_code == 403
    assert not Submission.objects.exists()


def test_a_preview_in_the_admin_shows_no_panel(rf, classroom, assignments):
    _cohort, _teacher, amina, _ahmad = classroom
    request = rf.get("/")
    request.user, request.is_preview = amina, True
    assert pages.assignment_panel(request, assignments["written"]) == ""
    written = assignments["written"]
    assert pages.packet_status(request, written.get_parent().pk, (written.pk,)) == ""
