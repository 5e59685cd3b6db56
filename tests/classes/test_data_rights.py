"""A student's data rights: a manager exports everything Harbor holds about them
and erases them, keeping only anonymous counts; chat is kept for a set period."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone

from classes.attendance import Mark, contact_hours, take_attendance
from classes.chat.rooms import main_room
from classes.chat.services import post_message
from classes.data_rights.registry import NOT_STUDENT_DATA, STUDENT_DATA
from classes.data_rights.retention import delete_old_messages, is_scheduled, schedule
from classes.loans.services import add_device, lend_device
from classes.models import Attendance, Enrollment, Loan, Message, Session, SubmissionFile
from packets.demo import ensure_levels
from tests.classes.submissions.conftest import publish_assignment
from tests.factories import give_feedback, hand_in, publish_packet


def links_to_users(model):
    User = get_user_model()
    return [
        field
        for field in model._meta.get_fields()
        if getattr(field, "related_model", None) is User
        and field.concrete
        and (field.many_to_one or field.one_to_one or field.many_to_many)
    ]


def test_every_model_that_refers_to_a_person_is_in_the_registry():
    """A new model with a link to users must say what export and erasure do with it."""
    missing = [
        model._meta.label
        for model in apps.get_models(include_auto_created=True)
        if links_to_users(model)
        and model._meta.label not in STUDENT_DATA
        and model._meta.label not in NOT_STUDENT_DATA
    ]
    assert not missing, f"Add these to classes/data_rights/registry.py: {missing}"


@pytest.fixture
def amina_with_history(classroom, manager):
    """A student with attendance, handed-in work with feedback, chat, a test and
    a device on loan with a note that names her."""
    cohort, teacher, amina, ahmad = classroom
    tablet = add_device(by=manager, kind="tablet", asset_tag="HBR-T-1", model_name="Tab A")
    lend_device(
        tablet,
        amina,
        by=manager,
        lent_on=timezone.localdate(),
        due_back=timezone.localdate() + timedelta(weeks=4),
        notes="Amina Yusuf's brother in Kabul brings it back.",
    )
    session = Session.objects.filter(cohort=cohort).order_by("starts_at").first()
    take_attendance(session, {amina.pk: Mark("present", 120)}, by=teacher)
    level = ensure_levels()["level-2"]
    packet = publish_packet(level, slug="week-1", summary="Hello.", publish=False)
    photo = publish_assignment(packet, "photo")
    give_feedback(teacher, hand_in(amina, photo), text="Neat handwriting, Amina.")
    post_message(amina, main_room(cohort), "I am from Kabul, my phone is 555-0101", "c-1")
    return cohort, teacher, amina


def zip_of(response):
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_a_manager_downloads_everything_about_a_student(login, manager, amina_with_history):
    _cohort, _teacher, amina = amina_with_history
    response = login(manager).get(f"/records/students/{amina.pk}/data.zip")
    assert response.status_code == 200
    archive = zip_of(response)
    document = json.loads(archive.read("student.json"))
    assert document["account"]["username"] == amina.username
    assert document["attendance"][0]["minutes"] == 120
    assert document["work"][0]["feedback"][0]["text"] == "Neat handwriting, Amina."
    assert "Kabul" in document["chat_messages"][0]["text"]
    assert document["enrollments"][0]["status"] == "active"
    photos = [name for name in archive.namelist() if name.startswith("files/")]
    assert photos and archive.read(photos[0])[:2] == b"\xff\xd8"  # the JPEG itself
    # The export itself is audited, and the student's copy says so.
    assert any(e["action"] == "export_person" for e in document["record_access"])


@pytest.mark.parametrize("role", ["teacher", "student"])
def test_only_managers_export_or_erase(login, amina_with_history, role):
    cohort, teacher, amina = amina_with_history
    other = Enrollment.objects.exclude(student=amina).first().student
    client = login(teacher if role == "teacher" else other)
    for url in (f"/records/students/{amina.pk}/data.zip", f"/records/students/{amina.pk}/erase/"):
        assert client.get(url).status_code == 403
    assert client.post(f"/records/students/{amina.pk}/erase/").status_code == 403
    assert get_user_model().objects.get(pk=amina.pk).username == amina.username


def everything_in_the_database():
    """Every text column of every table, as one string."""
    found = []
    with connection.cursor() as cursor:
        for model in apps.get_models():
            if model._meta.proxy or not model._meta.managed:
                continue
            table = model._meta.db_table
            # Local fields only: an inherited page's parent columns live in the parent's table.
            columns = [
                f.column
                for f in model._meta.local_concrete_fields
                if f.get_internal_type() in ("CharField", "TextField", "JSONField", "EmailField")
            ]
            for column in columns:
                cursor.execute(f'SELECT "{column}" FROM "{table}"')  # noqa: S608 - names from models
                found.extend(str(value) for (value,) in cursor.fetchall())
    return "\n".join(found)


def test_erasing_keeps_the_counts_and_nothing_that_names_the_student(
    login, manager, amina_with_history
):
    cohort, _teacher, amina = amina_with_history
    hours_before = contact_hours(class_=cohort)
    photo_names = list(SubmissionFile.objects.values_list("file", flat=True))
    client = login(manager)
    page = client.get(f"/records/students/{amina.pk}/erase/").content.decode()
    assert "cannot be undone" in page
    assert client.post(f"/records/students/{amina.pk}/erase/").status_code == 302

    assert contact_hours(class_=cohort) == hours_before
    assert Attendance.objects.filter(student_id=amina.pk).count() == 1
    assert Enrollment.objects.filter(student_id=amina.pk).exists()
    assert Loan.objects.filter(student_id=amina.pk, notes="").exists()  # the device's trail stays
    text = everything_in_the_database()
    for trace in (amina.username, "Amina Yusuf", "amina@example.org", "Kabul"):
        assert trace not in text, trace
    assert Message.objects.get(author_id=amina.pk).text == "deleted"
    assert not SubmissionFile.objects.exists() and photo_names
    erased = get_user_model().objects.get(pk=amina.pk)
    assert not erased.is_active and not erased.has_usable_password()
    assert client.login(username=amina.username, password="a-long-test-password") is False


def test_staff_accounts_cannot_be_erased_as_students(login, manager, teacher):
    response = login(manager).post(f"/records/students/{teacher.pk}/erase/")
    assert response.status_code in (400, 404)
    assert get_user_model().objects.get(pk=teacher.pk).is_active


def test_chat_retention_deletes_only_old_messages(classroom, settings):
    cohort, _teacher, amina, _ahmad = classroom
    room = main_room(cohort)
    old, _ = post_message(amina, room, "last year", "old")
    Message.objects.filter(pk=old.pk).update(sent_at=timezone.now() - timedelta(days=400))
    post_message(amina, room, "today", "new")
    settings.HARBOR_CHAT_RETENTION_DAYS = 365
    assert delete_old_messages() == 1
    assert list(Message.objects.values_list("text", flat=True)) == ["today"]
    settings.HARBOR_CHAT_RETENTION_DAYS = 0
    Message.objects.update(sent_at=timezone.now() - timedelta(days=4000))
    assert delete_old_messages() == 0


def test_retention_runs_in_the_worker_and_schedules_itself_once(run_worker, classroom):
    schedule()
    schedule()  # a second start does not make a second chain
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(
        status="READY", task_path__endswith="enforce_chat_retention"
    )
    assert waiting.count() <= 1 and is_scheduled()
    run_worker()
    assert is_scheduled()  # the next run, a day later
    assert DBTaskResult.objects.filter(status="READY", run_after__gt=timezone.now()).exists()
