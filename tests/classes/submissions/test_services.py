"""The rules of handing in work and giving feedback, called directly."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from classes.models import Feedback, Submission, SubmissionFile, SubmissionStatus
from classes.submissions.services import (
    Recording,
    SubmissionRefused,
    Work,
    give_feedback,
    mark_feedback_seen,
    save_draft,
    submit_work,
)
from classes.uploads.audio import check_audio
from classes.uploads.images import process_photo
from learning.roles import Role
from tests.classes.submissions.conftest import QUIZ, photo_upload, publish_assignment, wav_upload

pytestmark = pytest.mark.django_db


def test_the_same_token_three_times_makes_one_submission(classroom, assignments):
    _cohort, _teacher, amina, _ahmad = classroom
    for _ in range(3):
        version = submit_work(amina, assignments["written"], Work(text="I am Amina."), token="t1")
    assert version.number == 1
    assert Submission.objects.get().versions.count() == 1


def test_a_resubmission_before_feedback_keeps_the_earlier_version(classroom, assignments):
    _cohort, _teacher, amina, _ahmad = classroom
    submit_work(amina, assignments["written"], Work(text="First try."), token="a")
    submit_work(amina, assignments["written"], Work(text="Second try."), token="b")
    submission = Submission.objects.get()
    assert [v.text for v in submission.versions.all()] == ["First try.", "Second try."]
    assert submission.status == SubmissionStatus.SUBMITTED


def test_a_draft_is_kept_and_cleared_when_the_work_is_handed_in(classroom, assignments):
    _cohort, _teacher, amina, _ahmad = classroom
    save_draft(amina, assignments["written"], "My name is")
    assert Submission.objects.get().status == SubmissionStatus.DRAFT
    assert Submission.objects.get().draft_text == "My name is"
    submit_work(amina, assignments["written"], Work(text="My name is Amina."), token="x")
    assert Submission.objects.get().draft_text == ""


def test_work_after_the_due_date_is_accepted_and_marked_late(classroom, bus_packet):
    _cohort, _teacher, amina, _ahmad = classroom
    yesterday = timezone.localdate() - timedelta(days=1)
    assignment = publish_assignment(bus_packet, "written", due_date=yesterday)
    submit_work(amina, assignment, Work(text="Sorry, late."), token="late")
    assert Submission.objects.get().is_late


def test_work_on_the_due_day_in_the_program_time_zone_is_on_time(classroom, bus_packet):
    _cohort, _teacher, amina, _ahmad = classroom
    today = timezone.localdate()
    assignment = publish_assignment(bus_packet, "written", due_date=today)
    late_evening = assignment.due_at - timedelta(minutes=1)
    submit_work(amina, assignment, Work(text="Just in time."), token="t", now=late_evening)
    assert not Submission.objects.get().is_late


def test_a_quiz_scores_itself_and_records_which_answers_were_right(classroom, assignments):
    _cohort, _teacher, amina, _ahmad = classroom
    quiz = assignments["quiz"]
    first, second = (block.id for block in quiz.questions)
    version = submit_work(amina, quiz, Work(answers={first: "0", second: "  The BUS "}), token="q")
    assert version.quiz_score == Decimal("10.00")
    assert version.answers[first]["correct"] and version.answers[second]["correct"]
    version = submit_work(amina, quiz, Work(answers={first: "1", second: "car"}), token="q2")
    assert version.quiz_score == Decimal("0.00")
    assert len(QUIZ) == len(version.answers)


def test_photos_and_recordings_are_stored_privately(classroom, assignments):
    _cohort, _teacher, amina, _ahmad = classroom
    photos = [process_photo(photo_upload()), process_photo(photo_upload())]
    submit_work(amina, assignments["photo"], Work(photos=photos), token="p")
    upload = wav_upload()
    recording = Recording(upload, check_audio(upload))
    submit_work(amina, assignments["audio"], Work(recording=recording), token="r")
    kinds = sorted(SubmissionFile.objects.values_list("kind", "content_type"))
    assert kinds == [("audio", "audio/wav"), ("photo", "image/jpeg"), ("photo", "image/jpeg")]
    stored = SubmissionFile.objects.get(kind="audio")
    assert stored.file.read(4) == b"RIFF"


@pytest.mark.parametrize("kind", ["written", "photo", "audio", "quiz"])
def test_empty_work_is_refused_and_nothing_is_saved(classroom, assignments, kind):
    _cohort, _teacher, amina, _ahmad = classroom
    with pytest.raises(SubmissionRefused) as refused:
        submit_work(amina, assignments[kind], Work(text="  "), token="e")
    assert refused.value.code == "empty"
    assert not Submission.objects.exists()


def test_a_student_of_no_class_at_this_level_is_refused(make_user, assignments):
    outsider = make_user(Role.STUDENT)
    with pytest.raises(SubmissionRefused) as refused:
        submit_work(outsider, assignments["written"], Work(text="Hello"), token="o")
    assert refused.value.code == "not_enrolled"


def test_feedback_returns_the_work_and_shows_as_new_until_seen(classroom, assignments):
    _cohort, teacher, amina, _ahmad = classroom
    submit_work(amina, assignments["written"], Work(text="I am Amina."), token="w")
    submission = Submission.objects.get()
    give_feedback(teacher, submission, token="f", status="returned", text="Good!", score=9)
    give_feedback(teacher, submission, token="f", status="returned", text="Good!", score=9)
    submission.refresh_from_db()
    assert Feedback.objects.count() == 1
    assert (submission.status, submission.score, submission.feedback_unseen) == (
        "returned",
        Decimal("9.00"),
        True,
    )
    mark_feedback_seen(amina, submission)
    submission.refresh_from_db()
    assert not submission.feedback_unseen


def test_returned_work_cannot_be_sent_again_until_a_revision_is_asked(classroom, assignments):
    _cohort, teacher, amina, _ahmad = classroom
    written = assignments["written"]
    submit_work(amina, written, Work(text="Draft one."), token="1")
    submission = Submission.objects.get()
    give_feedback(teacher, submission, token="f1", status="returned", text="Good.")
    with pytest.raises(SubmissionRefused):
        submit_work(amina, written, Work(text="Again."), token="2")
    give_feedback(teacher, submission, token="f2", status="revision_requested", text="Add more.")
    submit_work(amina, written, Work(text="Draft two, longer."), token="3")
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED
    assert submission.versions.count() == 2


def test_a_teacher_of_another_class_cannot_give_feedback(classroom, assignments, make_user):
    _cohort, _teacher, amina, _ahmad = classroom
    submit_work(amina, assignments["written"], Work(text="Hi."), token="w")
    stranger = make_user(Role.TEACHER)
    with pytest.raises(SubmissionRefused):
        give_feedback(stranger, Submission.objects.get(), token="f", status="returned", text="x")
    assert not Feedback.objects.exists()


def test_a_score_above_the_points_is_refused(classroom, assignments):
    _cohort, teacher, amina, _ahmad = classroom
    submit_work(amina, assignments["written"], Work(text="Hi."), token="w")
    with pytest.raises(SubmissionRefused) as refused:
        give_feedback(teacher, Submission.objects.get(), token="f", status="returned", score=11)
    assert refused.value.code == "score"


def test_a_token_of_another_students_form_is_refused_not_a_server_error(classroom, assignments):
    _cohort, _teacher, amina, ahmad = classroom
    submit_work(amina, assignments["written"], Work(text="Amina's work."), token="shared")
    with pytest.raises(SubmissionRefused) as refused:
        submit_work(ahmad, assignments["written"], Work(text="Ahmad's work."), token="shared")
    assert refused.value.code == "token"
    assert Submission.objects.get().student == amina


def test_a_feedback_token_used_on_another_submission_is_refused(classroom, assignments):
    _cohort, teacher, amina, ahmad = classroom
    submit_work(amina, assignments["written"], Work(text="Amina's work."), token="a")
    submit_work(ahmad, assignments["written"], Work(text="Ahmad's work."), token="b")
    first, second = Submission.objects.order_by("pk")
    give_feedback(teacher, first, token="f", status="returned", text="Good.")
    with pytest.raises(SubmissionRefused):
        give_feedback(teacher, second, token="f", status="returned", text="Good.")
    second.refresh_from_db()
    assert second.status == SubmissionStatus.SUBMITTED
