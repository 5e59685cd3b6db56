import pytest

from classes.models import (
    Attendance,
    AttendanceChange,
    Class,
    Device,
    Enrollment,
    Feedback,
    Loan,
    Submission,
    SubmissionFile,
    SubmissionVersion,
)


@pytest.mark.django_db
def test_the_demo_classes_have_students_and_realistic_past_attendance(loaded_demo):
    classes = Class.objects.all()
    # The three current classes, an earlier term's (exits and re-entries, issue 18)
    # and a distance-learning class at level 3 (a distance learner, issue 18).
    assert classes.count() == 5
    assert len({c.level_id for c in classes}) == 4
    assert Enrollment.objects.active().count() == 12
    statuses = set(Attendance.objects.values_list("status", flat=True))
    assert {"present", "late", "absent"} <= statuses
    late = Attendance.objects.filter(status="late").first()
    assert 0 < late.minutes < late.session.duration_minutes
    evening = Class.objects.get(name__startswith="Level 2")
    assert evening.teachers.get().username == "teacher1"
    assert evening.sessions.roll_missing().exists()  # the latest roll is left for the teacher
    assert not AttendanceChange.objects.exists()  # the second run changed nothing
    # teacher1's Saturday class reads Dari: their Share messages to it are in Dari.
    languages = dict(classes.values_list("name", "share_language"))
    assert languages["Level 1 · Saturday morning"] == "prs"
    assert languages["Level 2 · Mon & Wed evening"] == ""


@pytest.mark.django_db
def test_the_demo_has_students_work_of_every_kind_with_and_without_feedback(loaded_demo):
    submissions = Submission.objects.select_related("assignment")
    # With the distance learner's eight (classes/records/distance_demo.py).
    assert submissions.count() == 20  # the second run added nothing
    assert SubmissionVersion.objects.count() == 19
    assert Feedback.objects.count() == 13
    assert {s.assignment.kind for s in submissions.handed_in()} == {
        "written",
        "photo",
        "audio",
        "quiz",
    }
    statuses = sorted(submissions.values_list("status", flat=True))
    assert statuses.count("submitted") == 6
    assert statuses.count("returned") == 12
    assert statuses.count("revision_requested") == 1
    assert statuses.count("draft") == 1
    late = submissions.get(is_late=True)
    assert late.submitted_at > late.assignment.due_at and late.status == "submitted"
    for photo in SubmissionFile.objects.filter(kind="photo"):
        assert photo.content_type == "image/jpeg" and photo.width == 1200
    assert SubmissionFile.objects.filter(kind="audio", version__isnull=False).count() == 3
    assert SubmissionFile.objects.filter(kind="audio", feedback__isnull=False).count() == 1
    quiz = submissions.get(assignment__slug="clinic-quiz", status="returned")
    assert quiz.score == quiz.assignment.points  # every answer right
    assert submissions.filter(feedback_unseen=True).count() == 13


@pytest.mark.django_db
def test_the_demo_lends_devices_with_one_overdue(loaded_demo):
    assert Device.objects.count() == 5
    overdue = Loan.objects.overdue()
    assert [loan.student.username for loan in overdue] == ["student2"]
    assert Loan.objects.open().count() == 2 and Loan.objects.count() == 3


@pytest.mark.django_db
def test_the_demo_shows_a_session_notice_that_says_where_the_class_meets(loaded_demo, client):
    in_a_room = Class.objects.get(name="Level 4 · Tue & Thu evening")
    student = Enrollment.objects.filter(cohort=in_a_room).first().student
    client.force_login(student)
    page = client.get("/notices/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert page.count("Room 12, second floor, Riverside Library, 40 Main Street") == 1
