"""/submissions/<id>/files/<file_id>: a photo or recording for the student whose work
it is, the class's teachers and managers; never for anyone else, never as a page."""

import pytest
from django.core.files.base import ContentFile

from classes.models import FileKind, SubmissionFile
from classes.submissions.services import Recording
from classes.uploads.audio import check_audio
from learning.roles import Role
from tests.classes.submissions.conftest import wav_upload
from tests.factories import give_feedback, hand_in

pytestmark = pytest.mark.django_db

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


def file_url(stored):
    return f"/submissions/{stored.submission_id}/files/{stored.pk}"


def content(response):
    return b"".join(response.streaming_content)


@pytest.fixture
def amina_work(classroom, assignments):
    """Amina's photo work, her recording, and a teacher's voice comment on the recording."""
    cohort, teacher, amina, _ahmad = classroom
    photo = hand_in(amina, assignments["photo"])
    audio = hand_in(amina, assignments["audio"])
    upload = wav_upload("comment.wav")
    give_feedback(teacher, audio, recording=Recording(upload, check_audio(upload)))
    return [photo, audio]


def every_file(submissions):
    return [f for submission in submissions for f in submission.files.all()]


def assert_safe_headers(response):
    assert response["Content-Type"] != "text/html"
    assert not response["Content-Type"].startswith("text/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Cache-Control"].startswith("private")
    assert "filename=" in response["Content-Disposition"]


def test_the_student_opens_her_photo_recording_and_the_teachers_voice_comment(
    login, classroom, amina_work
):
    amina = classroom[2]
    client = login(amina)
    files = every_file(amina_work)
    assert sorted(f.kind for f in files) == ["audio", "audio", "photo"]
    for stored in files:
        response = client.get(file_url(stored))
        assert response.status_code == 200
        assert response["Content-Type"] == stored.content_type
        assert_safe_headers(response)
        served = content(response)
        with stored.file.storage.open(stored.file.name, "rb") as original:
            original.seek(0)  # the in-memory test storage shares one file object
            assert served == original.read()


def test_a_photo_is_shown_inline_with_a_download_name(login, classroom, amina_work):
    teacher = classroom[1]
    photo = amina_work[0].files.get()
    response = login(teacher).get(file_url(photo))
    assert response["Content-Type"] == "image/jpeg"
    disposition = f'inline; filename="photo-{photo.submission_id}-{photo.pk}.jpg"'
    assert response["Content-Disposition"] == disposition


def test_a_recording_answers_a_range_request(login, classroom, amina_work):
    teacher = classroom[1]
    recording = amina_work[1].files.filter(version__isnull=False).get()
    response = login(teacher).get(file_url(recording), HTTP_RANGE="bytes=0-3")
    assert response.status_code == 206
    assert content(response) == b"RIFF"


def test_the_class_teacher_and_a_manager_open_every_file(
    login, client, classroom, amina_work, manager
):
    teacher = classroom[1]
    for user in (teacher, manager):
        signed_in = login(user)
        for stored in every_file(amina_work):
            assert signed_in.get(file_url(stored)).status_code == 200
        client.logout()


@pytest.fixture
def strangers(classroom, make_class, make_user):
    """Ahmad (same class), a student and a teacher of another class."""
    other_student = make_user(Role.STUDENT)
    other_teacher = make_user(Role.TEACHER)
    make_class(teacher=other_teacher, students=[other_student], name="Morning")
    return {
        "classmate": classroom[3],
        "other student": other_student,
        "other teacher": other_teacher,
    }


@pytest.mark.parametrize("who", ["classmate", "other student", "other teacher"])
def test_others_get_not_found_for_the_work_and_each_of_its_files(login, amina_work, strangers, who):
    client = login(strangers[who])
    for submission in amina_work:
        assert client.get(submission.get_absolute_url()).status_code == 404
    for stored in every_file(amina_work):
        response = client.get(file_url(stored))
        assert response.status_code == 404
        assert b"RIFF" not in response.content and b"JFIF" not in response.content


def test_anonymous_visitors_get_neither_the_work_nor_its_files(client, amina_work):
    for url in [s.get_absolute_url() for s in amina_work] + [
        file_url(f) for f in every_file(amina_work)
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_a_file_of_another_submission_is_not_found_under_this_one(login, classroom, amina_work):
    teacher = classroom[1]
    photo_work, audio_work = amina_work
    recording = audio_work.files.first()
    response = login(teacher).get(f"/submissions/{photo_work.pk}/files/{recording.pk}")
    assert response.status_code == 404


def test_an_unknown_file_is_not_found(login, classroom, amina_work):
    teacher = classroom[1]
    response = login(teacher).get(f"/submissions/{amina_work[0].pk}/files/999999")
    assert response.status_code == 404


def test_a_file_that_claims_to_be_html_is_downloaded_never_rendered(login, classroom, amina_work):
    """Defence in depth: even a row saying text/html (it cannot come from the
    upload checks) is sent as an attachment of no type a browser renders."""
    _cohort, teacher, _amina, _ahmad = classroom
    photo_work = amina_work[0]
    version = photo_work.versions.get()
    stored = SubmissionFile(
        submission=photo_work,
        version=version,
        kind=FileKind.PHOTO,
        content_type="text/html",
        size=len(HTML),
    )
    stored.file.save("page.html", ContentFile(HTML), save=False)
    stored.save()
    response = login(teacher).get(file_url(stored))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    assert_safe_headers(response)


def test_files_are_not_sent_for_a_post(login, classroom, amina_work):
    teacher = classroom[1]
    photo = amina_work[0].files.get()
    assert login(teacher).post(file_url(photo)).status_code == 405
