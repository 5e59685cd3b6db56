"""/submissions/<id>/: the work, its versions and feedback; the feedback form for
the class's teachers; read-only for the student whose work it is; 404 for anyone else."""

import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from classes.models import Feedback, Submission, SubmissionFile
from classes.submissions.services import Work, submit_work
from learning.roles import Role
from tests.classes.submissions.conftest import wav_upload
from tests.factories import give_feedback, hand_in

pytestmark = pytest.mark.django_db


def form_token(page):
    return re.search(r'name="token" value="([^"]+)"', page).group(1)


def post_feedback(client, submission, **fields):
    page = client.get(submission.get_absolute_url()).content.decode()
    data = {"token": form_token(page), "status": "returned", "text": "", "score": ""}
    data.update(fields)
    return client.post(submission.get_absolute_url(), data)


def test_a_teacher_sees_written_work_and_the_feedback_form(login, classroom, assignments):
    _cohort, teacher, amina, _ahmad = classroom
    submission = hand_in(amina, assignments["written"], text="I live in Ohio.\nI like tea.")
    page = login(teacher).get(submission.get_absolute_url()).content.decode()
    assert "Amina Yusuf" in page and "Written homework" in page
    assert "I live in Ohio.<br>I like tea." in page
    assert 'enctype="multipart/form-data"' in page
    assert 'name="score"' in page and 'max="10"' in page
    assert 'value="returned"' in page and 'value="revision_requested"' in page


def test_the_voice_comment_input_takes_audio_and_can_carry_a_recorder(
    login, classroom, assignments
):
    _cohort, teacher, amina, _ahmad = classroom
    submission = hand_in(amina, assignments["written"])
    page = login(teacher).get(submission.get_absolute_url()).content.decode()
    recorder = re.search(r"<div[^>]*data-recorder[^>]*>(.*?)</div>", page, re.S)
    assert recorder is not None
    assert re.search(r'<input type="file" name="recording" accept="audio/\*"', recorder.group(1))


def test_quiz_answers_show_right_and_wrong_and_the_teacher_sees_the_right_answer(
    login, client, classroom, assignments
):
    _cohort, teacher, amina, _ahmad = classroom
    submission = hand_in(amina, assignments["quiz"])  # first right, second wrong
    page = login(teacher).get(submission.get_absolute_url()).content.decode()
    assert re.search(r'class="right">\s*<span class="prompt" dir="auto">Where do you wait', page)
    assert "At the bus stop" in page
    assert re.search(r'class="wrong">\s*<span class="prompt" dir="auto">I take ___ to work.', page)
    assert "Right answer: the bus / bus" in page
    assert "Quiz score: 5 of 10" in page
    client.logout()
    student_page = login(amina).get(submission.get_absolute_url()).content.decode()
    assert "Wrong" in student_page and "Right answer:" not in student_page


def test_photos_show_as_images_and_recordings_as_audio_players(login, classroom, assignments):
    _cohort, teacher, amina, _ahmad = classroom
    photo = hand_in(amina, assignments["photo"])
    audio = hand_in(amina, assignments["audio"])
    client = login(teacher)
    stored = photo.files.get()
    page = client.get(photo.get_absolute_url()).content.decode()
    url = f"/submissions/{photo.pk}/files/{stored.pk}"
    assert f'<img src="{url}" width="{stored.width}" height="{stored.height}"' in page
    recording = audio.files.get()
    page = client.get(audio.get_absolute_url()).content.decode()
    expected = f'<audio preload="none" controls src="/submissions/{audio.pk}/files/{recording.pk}">'
    assert expected in page


def test_earlier_versions_and_earlier_feedback_are_shown(login, classroom, assignments):
    _cohort, teacher, amina, _ahmad = classroom
    written = assignments["written"]
    submission = hand_in(amina, written, text="First try.")
    give_feedback(teacher, submission, "revision_requested", text="Add where you work.")
    hand_in(amina, written, text="Second try: I work at a bakery.")
    page = login(teacher).get(submission.get_absolute_url()).content.decode()
    assert page.index("Second try") < page.index("Earlier versions") < page.index("First try.")
    assert "Add where you work." in page
    assert "Revision requested" in page


def test_a_teacher_returns_work_with_a_score_and_goes_on_to_the_next(login, classroom, assignments):
    cohort, teacher, amina, ahmad = classroom
    first = hand_in(amina, assignments["written"])
    second = hand_in(ahmad, assignments["written"])
    client = login(teacher)
    response = post_feedback(client, first, text="Very good.", score="8.5")
    assert response.status_code == 302
    assert response["Location"] == second.get_absolute_url()
    first.refresh_from_db()
    assert (first.status, first.score, first.feedback_unseen) == ("returned", Decimal("8.5"), True)
    response = post_feedback(client, second, text="Add one.", status="revision_requested")
    assert response["Location"] == f"/classes/{cohort.pk}/submissions/"
    second.refresh_from_db()
    assert second.status == "revision_requested"


def test_the_same_form_posted_three_times_gives_one_feedback(login, classroom, assignments):
    _cohort, teacher, amina, _ahmad = classroom
    submission = hand_in(amina, assignments["written"])
    client = login(teacher)
    page = client.get(submission.get_absolute_url()).content.decode()
    data = {"token": form_token(page), "status": "returned", "text": "Good.", "score": "9"}
    for _ in range(3):
        assert client.post(submission.get_absolute_url(), data).status_code == 302
    assert Feedback.objects.filter(submission=submission).count() == 1


def test_a_score_over_the_points_is_refused_and_the_text_is_kept(login, classroom, assignments):
    _cohort, teacher, amina, _ahmad = classroom
    submission = hand_in(amina, assignments["written"])
    response = post_feedback(login(teacher), submission, text="Nice work on the verbs.", score="11")
    page = response.content.decode()
    assert response.status_code == 200
    assert "The score must be between 0 and 10." in page
    assert "Nice work on the verbs." in page
    assert not Feedback.objects.exists()


@pytest.mark.parametrize("score", ["-1", "ten"])
def test_a_score_that_is_no_score_is_refused(login, classroom, assignments, score):
    _cohort, teacher, amina, _ahmad = classroom
    submission = hand_in(amina, assignments["written"])
    response = post_feedback(login(teacher), submission, text="Good.", score=score)
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert not Feedback.objects.exists()


def test_empty_feedback_is_refused_with_a_message(login, classroom, assignments):
    _cohort, teacher, amina, _ahmad = classroom
    submission = hand_in(amina, assignments["written"])
    response = post_feedback(login(teacher), submission)
    assert "Write feedback, give a score or record a comment." in response.content.decode()
    assert not Feedback.objects.exists()


def test_a_voice_comment_is_stored_with_the_feedback_and_played_to_the_student(
    login, client, classroom, assignments
):
    _cohort, teacher, amina, _ahmad = classroom
    submission = hand_in(amina, assignments["written"])
    response = post_feedback(login(teacher), submission, recording=wav_upload("comment.wav"))
    assert response.status_code == 302
    comment = SubmissionFile.objects.get(feedback__isnull=False)
    assert comment.content_type == "audio/wav"
    client.logout()
    page = login(amina).get(submission.get_absolute_url()).content.decode()
    assert f'src="/submissions/{submission.pk}/files/{comment.pk}"' in page


def test_a_voice_comment_that_is_not_audio_is_refused_and_the_text_is_kept(
    login, classroom, assignments
):
    _cohort, teacher, amina, _ahmad = classroom
    submission = hand_in(amina, assignments["written"])
    page_file = SimpleUploadedFile("comment.webm", b"<html>not audio</html>", "audio/webm")
    response = post_feedback(
        login(teacher), submission, text="Listen to my comment.", recording=page_file
    )
    page = response.content.decode()
    assert "This is not a recording Harbor accepts." in page
    assert "Listen to my comment." in page
    assert not Feedback.objects.exists() and not SubmissionFile.objects.exists()


def test_work_not_handed_in_yet_has_no_feedback_form(login, classroom, assignments):
    from classes.submissions.services import save_draft

    _cohort, teacher, amina, _ahmad = classroom
    draft = save_draft(amina, assignments["written"], "My secret first words")
    page = login(teacher).get(draft.get_absolute_url()).content.decode()
    assert "This work has not been handed in yet." in page
    assert "My secret first words" not in page
    assert 'name="token"' not in page


def test_the_student_sees_their_work_and_feedback_read_only_and_it_is_no_longer_new(
    login, classroom, assignments
):
    _cohort, teacher, amina, _ahmad = classroom
    submission = hand_in(amina, assignments["written"], text="I am Amina.")
    give_feedback(teacher, submission, text="Lovely sentence!", score=Decimal(9))
    page = login(amina).get(submission.get_absolute_url()).content.decode()
    assert "I am Amina." in page and "Lovely sentence!" in page and "9 of 10" in page
    main = page.split('<main id="main">')[1].split("</main>")[0]
    assert "<form" not in main
    submission.refresh_from_db()
    assert not submission.feedback_unseen


def test_the_student_cannot_post_feedback_on_their_own_work(login, classroom, assignments):
    _cohort, _teacher, amina, _ahmad = classroom
    submission = hand_in(amina, assignments["written"])
    data = {"token": "mine", "status": "returned", "text": "Perfect!", "score": "10"}
    assert login(amina).post(submission.get_absolute_url(), data).status_code == 405
    assert not Feedback.objects.exists()


def test_a_manager_sees_the_work_and_may_give_feedback(login, classroom, assignments, manager):
    _cohort, _teacher, amina, _ahmad = classroom
    submission = hand_in(amina, assignments["written"])
    response = post_feedback(login(manager), submission, text="From the manager.")
    assert response.status_code == 302
    assert Feedback.objects.get().teacher == manager


def test_another_student_gets_not_found(login, classroom, assignments):
    _cohort, _teacher, amina, ahmad = classroom
    submission = hand_in(amina, assignments["written"])
    assert login(ahmad).get(submission.get_absolute_url()).status_code == 404


def test_a_teacher_of_another_class_gets_not_found_and_cannot_post(
    login, classroom, assignments, make_class, make_user
):
    _cohort, _teacher, amina, _ahmad = classroom
    submission = hand_in(amina, assignments["written"])
    other_teacher = make_user(Role.TEACHER)
    make_class(teacher=other_teacher, name="Morning")
    client = login(other_teacher)
    assert client.get(submission.get_absolute_url()).status_code == 404
    data = {"token": "x", "status": "returned", "text": "Hi"}
    assert client.post(submission.get_absolute_url(), data).status_code == 404
    assert not Feedback.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, classroom, assignments):
    submission = hand_in(classroom[2], assignments["written"])
    response = client.get(submission.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_an_unknown_submission_is_not_found(login, teacher, db):
    assert login(teacher).get("/submissions/999999/").status_code == 404


def test_the_page_takes_the_same_number_of_queries_for_one_or_many_versions(
    login, classroom, assignments
):
    _cohort, teacher, amina, _ahmad = classroom
    photo = assignments["photo"]
    submission = hand_in(amina, photo)
    give_feedback(teacher, submission, "revision_requested")
    client = login(teacher)
    with CaptureQueriesContext(connection) as one:
        client.get(submission.get_absolute_url())
    for number in range(3):
        submit_work(amina, photo, Work(photos=list(_photos(2))), token=f"again-{number}")
        give_feedback(teacher, Submission.objects.get(pk=submission.pk), "revision_requested")
    with CaptureQueriesContext(connection) as many:
        client.get(submission.get_absolute_url())
    assert len(many) == len(one)


def _photos(count):
    from classes.uploads.images import process_photo
    from tests.classes.submissions.conftest import photo_upload

    return (process_photo(photo_upload()) for _ in range(count))
