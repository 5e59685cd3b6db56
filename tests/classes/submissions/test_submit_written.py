"""A written answer handed in on the assignment page: drafts, hand-in, bad input."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from classes.models import Submission, SubmissionStatus, SubmissionVersion
from classes.submissions.services import MAX_TEXT, Work, give_feedback, submit_work
from tests.classes.submissions.conftest import (
    element,
    open_page,
    post_work,
    publish_assignment,
    token,
)

pytestmark = pytest.mark.django_db


def test_a_student_hands_in_a_written_answer_and_sees_it_submitted(client, amina, assignments):
    written = assignments["written"]
    response = post_work(client, written, {"text": "I take the bus.", "token": token()})
    assert response.status_code == 303
    assert response["Location"] == written.url
    page = client.get(response["Location"], HTTP_HOST="localhost")
    assert "Submitted" in element(page, "main", "</ul>")  # the success message
    assert "Submitted" in element(page, "submission-status", "</dd>")
    assert element(page, "submission-versions", "</dd>").endswith(">1")
    assert SubmissionVersion.objects.get().text == "I take the bus."
    submission_page = Submission.objects.get().get_absolute_url()
    assert f'href="{submission_page}"' in page.content.decode()
    assert client.get(submission_page).status_code == 200  # the review side's page


def test_the_form_has_labelled_fields_and_both_buttons(client, amina, assignments):
    page = open_page(client, assignments["written"])
    form = element(page, "submission-form", "</form>")
    assert '<label for="id_text">' in form and 'id="id_text"' in form
    assert 'id="hand-in"' in form and 'id="save-draft"' in form
    assert 'name="token" value="' in form
    assert "/static/classes/draft.js" in page.content.decode()


def test_posting_the_same_token_three_times_hands_in_once(client, amina, assignments):
    written, same = assignments["written"], token()
    for _ in range(3):
        response = post_work(client, written, {"text": "Only once.", "token": same})
        assert response.status_code == 303
    assert Submission.objects.count() == 1
    assert SubmissionVersion.objects.count() == 1


def test_each_shown_form_has_a_new_token(client, amina, assignments):
    first = element(open_page(client, assignments["written"]), "submission-form", "</form>")
    second = element(open_page(client, assignments["written"]), "submission-form", "</form>")
    token_of = lambda html: html.split('name="token" value="')[1].split('"')[0]  # noqa: E731
    assert token_of(first) != token_of(second)


def test_save_draft_without_javascript_keeps_the_text_for_later(client, amina, assignments):
    written = assignments["written"]
    response = post_work(client, written, {"text": "My name is", "action": "draft"})
    assert response.status_code == 303
    page = open_page(client, written)
    assert ">My name is</textarea>" in element(page, "submission-form", "</form>")
    assert "Draft saved" in element(page, "submission-status", "</dd>")
    assert Submission.objects.get().status == SubmissionStatus.DRAFT


def test_autosave_answers_in_json_and_changes_nothing_handed_in(client, amina, assignments):
    written = assignments["written"]
    for _ in range(2):  # idempotent: the same text twice is one draft
        response = post_work(
            client,
            written,
            {"text": "Typed on the bus", "action": "draft"},
            HTTP_ACCEPT="application/json",
        )
        assert response.status_code == 200
        assert json.loads(response.content)["saved"] is True
    submission = Submission.objects.get()
    assert (submission.draft_text, submission.versions.count()) == ("Typed on the bus", 0)


def test_autosave_of_a_too_long_answer_says_why_in_json(client, amina, assignments):
    response = post_work(
        client,
        assignments["written"],
        {"text": "x" * (MAX_TEXT + 1), "action": "draft"},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 400
    assert "too long" in json.loads(response.content)["error"]
    assert not Submission.objects.exists()


def test_an_empty_answer_is_refused_with_a_message_and_nothing_is_saved(client, amina, assignments):
    response = post_work(client, assignments["written"], {"text": "   ", "token": token()})
    assert response.status_code == 400
    assert "Write your answer first." in element(response, "text-errors", "</ul>")
    assert not SubmissionVersion.objects.exists()


def test_a_too_long_answer_comes_back_in_the_textarea_and_the_draft_is_kept(
    client, amina, assignments
):
    written = assignments["written"]
    post_work(client, written, {"text": "My saved draft", "action": "draft"})
    long_text = "word " * (MAX_TEXT // 5 + 1)
    response = post_work(client, written, {"text": long_text, "token": token()})
    assert response.status_code == 400
    assert "too long" in element(response, "text-errors", "</ul>")
    assert long_text in element(response, "submission-form", "</form>")
    assert Submission.objects.get().draft_text == "My saved draft"
    assert not SubmissionVersion.objects.exists()


@pytest.mark.parametrize("sent", [{}, {"token": ""}, {"token": "<script>"}, {"token": "a b"}])
def test_a_missing_or_garbled_token_keeps_the_text_and_saves_nothing(
    client, amina, assignments, sent
):
    response = post_work(client, assignments["written"], {"text": "Keep me, please.", **sent})
    assert response.status_code == 400
    form = element(response, "submission-form", "</form>")
    assert "out of date or damaged" in form
    assert ">Keep me, please.</textarea>" in form
    assert "&lt;script&gt;" not in form  # a fresh token, not the garbled one
    assert not SubmissionVersion.objects.exists()


def test_work_after_the_due_date_shows_as_late(client, amina, bus_packet):
    overdue = publish_assignment(
        bus_packet, "written", due_date=timezone.localdate() - timedelta(days=2)
    )
    response = post_work(client, overdue, {"text": "Sorry, I was sick.", "token": token()})
    page = client.get(response["Location"], HTTP_HOST="localhost")
    assert "marked late" in page.content.decode()
    assert "late" in element(page, "submission-status", "</dd>")


def test_a_resubmission_before_feedback_starts_from_the_text_sent(client, amina, assignments):
    written = assignments["written"]
    post_work(client, written, {"text": "First try.", "token": token()})
    page = open_page(client, written)
    assert ">First try.</textarea>" in element(page, "submission-form", "</form>")
    post_work(client, written, {"text": "Second try.", "token": token()})
    page = open_page(client, written)
    assert element(page, "submission-versions", "</dd>").endswith(">2")


def test_returned_work_shows_the_feedback_and_no_form(client, classroom, amina, assignments):
    _cohort, teacher, _amina, _ahmad = classroom
    written = assignments["written"]
    submit_work(amina, written, Work(text="I am Amina."), token=token())
    submission = Submission.objects.get()
    give_feedback(teacher, submission, token=token(), status="returned", text="Well done!", score=9)
    page = open_page(client, written)
    html = page.content.decode()
    assert "Well done!" in element(page, "feedback", "</section>")
    assert "9 / 10" in element(page, "feedback", "</section>")
    assert "Returned" in element(page, "submission-status", "</dd>")
    assert 'id="submission-form"' not in html and 'id="work-returned"' in html
    submission.refresh_from_db()
    assert not submission.feedback_unseen  # seen now
    response = post_work(client, written, {"text": "Again!", "token": token()})
    assert response.status_code == 303
    assert SubmissionVersion.objects.count() == 1


def test_a_revision_request_shows_the_teachers_note_and_the_form_again(
    client, classroom, amina, assignments
):
    _cohort, teacher, _amina, _ahmad = classroom
    written = assignments["written"]
    submit_work(amina, written, Work(text="Short."), token=token())
    give_feedback(
        teacher,
        Submission.objects.get(),
        token=token(),
        status="revision_requested",
        text="Add two more sentences.",
    )
    page = open_page(client, written)
    assert "asks for a revision" in element(page, "feedback", "</section>")
    assert "Add two more sentences." in element(page, "feedback", "</section>")
    assert ">Short.</textarea>" in element(page, "submission-form", "</form>")
    post_work(client, written, {"text": "Short. Now longer. Much longer.", "token": token()})
    assert Submission.objects.get().status == SubmissionStatus.SUBMITTED
    assert SubmissionVersion.objects.count() == 2


def test_a_teachers_voice_comment_is_linked_through_the_file_view(
    client, classroom, amina, assignments
):
    from classes.submissions.services import Recording
    from classes.uploads.audio import check_audio
    from tests.classes.submissions.conftest import wav_upload

    _cohort, teacher, _amina, _ahmad = classroom
    submit_work(amina, assignments["written"], Work(text="Hello."), token=token())
    submission = Submission.objects.get()
    upload = wav_upload()
    feedback = give_feedback(
        teacher,
        submission,
        token=token(),
        status="returned",
        recording=Recording(upload, check_audio(upload)),
    )
    comment = feedback.files.get()
    page = open_page(client, assignments["written"])
    url = f"/submissions/{submission.pk}/files/{comment.pk}"
    assert f'href="{url}"' in element(page, "feedback", "</section>")
