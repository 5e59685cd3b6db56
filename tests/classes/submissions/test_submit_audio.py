"""A spoken answer handed in on the assignment page: recorded in the browser or
chosen from the phone, checked by the audio pipeline."""

import pytest
from django.test import override_settings

from classes.models import Submission, SubmissionFile, SubmissionVersion
from classes.submissions.services import Recording, Work, submit_work
from classes.uploads.audio import check_audio
from tests.classes import corpus
from tests.classes.submissions.conftest import element, open_page, post_work, token, wav_upload

pytestmark = pytest.mark.django_db


def test_the_recorder_comes_with_a_file_input_that_works_without_javascript(
    client, amina, assignments
):
    page = open_page(client, assignments["audio"])
    form = element(page, "submission-form", "</form>")
    # The recorder is hidden until its script finds MediaRecorder; the input always works.
    assert 'id="recorder"' in form and "hidden" in element(page, "recorder", ">")
    assert 'id="record-start"' in form and 'id="record-playback"' in form
    assert '<label for="id_recording">' in form
    assert 'name="recording" id="id_recording" accept="audio/*"' in form
    assert '<script src="/static/classes/recorder.js" defer>' in page.content.decode()


def test_a_recording_is_handed_in_and_can_be_played_back(client, amina, assignments):
    response = post_work(
        client, assignments["audio"], {"recording": wav_upload(), "token": token()}
    )
    assert response.status_code == 303
    stored = SubmissionFile.objects.get()
    assert (stored.kind, stored.content_type) == ("audio", "audio/wav")
    assert stored.duration_seconds == 2
    page = open_page(client, assignments["audio"])
    player = f'src="/submissions/{stored.submission_id}/files/{stored.pk}"'
    assert player in element(page, "submission", "</ul>")


def test_a_recording_from_the_browsers_recorder_is_accepted(client, amina, assignments):
    # What MediaRecorder makes in Chrome: WebM with no duration in its header.
    recorded = corpus.upload(corpus.webm_live(3), "recording.webm", "audio/webm")
    response = post_work(client, assignments["audio"], {"recording": recorded, "token": token()})
    assert response.status_code == 303
    assert SubmissionFile.objects.get().content_type == "audio/webm"


def test_a_file_that_is_not_a_recording_is_refused(client, amina, assignments):
    fake = corpus.upload(b"just some text, not audio", "answer.webm", "audio/webm")
    response = post_work(client, assignments["audio"], {"recording": fake, "token": token()})
    assert response.status_code == 400
    errors = element(response, "recording-errors", "</ul>")
    assert "WebM, Ogg, M4A, MP3 or WAV" in errors and "record or choose it again" in errors
    assert not SubmissionVersion.objects.exists() and not SubmissionFile.objects.exists()


@override_settings(HARBOR_UPLOAD_MAX_AUDIO_SECONDS=1)
def test_a_recording_too_long_is_refused_with_the_limit(client, amina, assignments):
    response = post_work(
        client, assignments["audio"], {"recording": wav_upload(seconds=3), "token": token()}
    )
    assert response.status_code == 400
    assert "too long (0:03)" in element(response, "recording-errors", "</ul>")
    assert not SubmissionFile.objects.exists()


@override_settings(HARBOR_UPLOAD_MAX_AUDIO_BYTES=1000)
def test_a_recording_too_large_is_refused(client, amina, assignments):
    response = post_work(
        client, assignments["audio"], {"recording": wav_upload(), "token": token()}
    )
    assert response.status_code == 400
    assert "too large" in element(response, "recording-errors", "</ul>")


def test_handing_in_without_a_recording_says_what_is_missing(client, amina, assignments):
    response = post_work(client, assignments["audio"], {"token": token()})
    assert response.status_code == 400
    assert "Record or choose a recording first." in element(response, "recording-errors", "</ul>")


def test_the_teachers_voice_comment_gets_the_same_recorder(client, login, classroom, assignments):
    _cohort, teacher, amina, _ahmad = classroom
    submit_work(amina, assignments["audio"], Work(recording=recorded(wav_upload())), token=token())
    login(teacher)
    page = client.get(Submission.objects.get().get_absolute_url()).content.decode()
    assert 'data-recorder data-max-seconds="300"' in page
    assert 'id="recorder-strings"' in page and "Record again" in page
    assert '<script src="/static/classes/recorder.js" defer>' in page


def recorded(upload):
    return Recording(upload, check_audio(upload))


def test_a_wav_claiming_one_second_but_holding_21_minutes_is_refused(client, amina, assignments):
    """Issue 12, finding 7, through the assignment page: the header said 1 s."""
    long_one = corpus.wav_claiming(1, 21 * 60, rate=4000)
    upload = corpus.upload(long_one, "answer.wav", "audio/wav")
    response = post_work(client, assignments["audio"], {"recording": upload, "token": token()})
    assert response.status_code == 400
    assert "too long (21:00)" in element(response, "recording-errors", "</ul>")
    assert not SubmissionFile.objects.exists()
