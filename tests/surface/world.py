"""The demo program, loaded once per test module, with the few things the demo
does not hold yet (a withdrawn student, a breakout, a join request, a mailing, a
packet behind a password): every URL parameter gets a real id from it.

Class A is the demo's "Level 2 · Mon & Wed evening" (teacher1). The cast is
named by its relation to class A, as the permission matrix reads it."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction

from classes.chat.rooms import main_room
from classes.chat.services import open_breakout, post_message
from classes.enrollment import ask_to_join, withdraw
from classes.mailing import send_packet
from classes.models import Class, Device, Enrollment, Notice, PracticeGroup, Session, SubmissionFile
from classes.practice import services as practice
from classes.practice.demo import NAME as PRACTICE_DEMO
from classes.practice.rooms import practice_room
from classes.submissions.demo import demo_photo
from classes.submissions.services import Work, submit_work
from classes.uploads.images import process_photo
from home.help_pages import GuidePage
from packets.models import AssignmentPage, LevelPage, PacketPage, SpokenText
from tests.housekeeping import wagtails_housekeeping_at_once

CLASS_A = "Level 2 · Mon & Wed evening"
CLASS_B = "Level 4 · Tue & Thu evening"

# role in the matrix -> demo username (None: nobody signed in)
CAST = {
    "anonymous": None,
    "student": "student1",  # only in class A
    "other_student": "student6",  # only in class B
    "withdrawn": "student4",  # withdrawn from class A, in no class
    "teacher": "teacher1",  # teaches class A
    "other_teacher": "teacher2",  # teaches class B only
    "manager": "manager",
}
ROLES = tuple(CAST)


@dataclass
class World:
    users: dict
    values: dict  # URL parameter name -> a real id (as text)
    paths: dict = field(default_factory=dict)  # what a regex route is filled with


def load_world():
    call_command("demo", stdout=_Quiet())
    people = {u.username: u for u in get_user_model().objects.all()}
    class_a = Class.objects.get(name=CLASS_A)
    student, teacher = people["student1"], people["teacher1"]
    withdraw(Enrollment.objects.get(student=people["student4"], cohort=class_a))
    ask_to_join(people["student6"], class_a)
    group = open_breakout(teacher, class_a, [[student, people["student2"]]])[0]
    message, _ = post_message(student, main_room(class_a), "Hello everyone")
    practice = _practice_group(student, people["student2"])
    submission = _students_work(student, class_a)
    public_packet, private_packet = _packets(class_a)
    restriction = PageViewRestriction.objects.create(
        page=private_packet, restriction_type=PageViewRestriction.PASSWORD, password="river"
    )
    mailing = send_packet(class_a, public_packet, by=teacher, token="world", packet_url="/")
    users = {role: people.get(username) for role, username in CAST.items()}
    values = {
        "class_id": class_a.pk,
        "group_id": group.pk,
        "message_id": message.pk,
        "enrollment_id": Enrollment.objects.get(student=student, cohort=class_a).pk,
        "request_id": class_a.join_requests.get().pk,
        "withdrawn_enrollment_id": Enrollment.objects.get(
            student=people["student4"], cohort=class_a
        ).pk,
        "session_id": _past_session(class_a).pk,
        "mailing_id": mailing.mailing.pk,
        "submission_id": submission.pk,
        "notice_id": Notice.objects.filter(recipient=student).latest("pk").pk,
        "file_id": SubmissionFile.objects.filter(submission=submission).first().pk,
        "level_id": class_a.level_id,
        "student_id": student.pk,
        "page_id": private_packet.pk,
        "page_view_restriction_id": restriction.pk,
        "restriction_id": restriction.pk,
        "device_id": Device.objects.get(loans__student=student, loans__returned_on=None).pk,
        "panel": "chat",  # a panel of the picture guide (learning/welcome/guide.py)
        # student1's own practice group (student2 in it), and the demo's, which
        # invites student1 (classes/practice/demo.py).
        "practice_id": practice.pk,
        "practice_message_id": practice.room.messages.get().pk,
        "practice_member_id": people["student2"].pk,
        "invited_practice_id": PracticeGroup.objects.get(name=PRACTICE_DEMO).pk,
        "snapshot_id": _nrs_snapshot(people["manager"]).pk,
    }
    paths = _paths(class_a, private_packet)
    paths["nrs_snapshot_table"] = f"/records/nrs/snapshots/{values['snapshot_id']}/table-4.xlsx"
    return World(users, {k: str(v) for k, v in values.items()}, paths)


def _nrs_snapshot(manager):
    from django.utils import timezone

    from classes.records.nrs.snapshots import freeze
    from classes.records.rules import nrs_rules, program_year

    rules, today = nrs_rules(), timezone.localdate()
    return freeze(program_year(today, rules), by=manager, note="", today=today, rules=rules)


def _practice_group(student, classmate):
    group = practice.create_group(student, "Evening talk", "conversation")
    practice.invite(student, group, [classmate.pk])
    practice.answer_invitation(classmate, group, accept=True)
    post_message(classmate, practice_room(group), "Shall we meet on Friday?")
    return group


def _students_work(student, class_a):
    """student1's shopping list for class A again, with a photo of the paper
    (the demo's own work of theirs has no file)."""
    assignment = AssignmentPage.objects.get(slug="my-shopping-list")
    work = Work(text="Milk, 2 bottles", photos=[process_photo(demo_photo())])
    return submit_work(student, assignment, work, token="world-photo").submission


def _packets(class_a):
    level = LevelPage.objects.get(pk=class_a.level_id)
    packets = PacketPage.objects.live().child_of(level).order_by("path")
    return packets[0], packets[1]


def _past_session(class_a):
    return (
        Session.objects.filter(cohort=class_a, starts_at__lt=timezone.now())
        .order_by("-starts_at")
        .first()
    )


def _paths(class_a, private_packet):
    """Real paths for the routes written as regular expressions."""
    level = LevelPage.objects.get(pk=class_a.level_id)
    packet = PacketPage.objects.live().child_of(level).order_by("path").first()
    assignment = AssignmentPage.objects.live().descendant_of(level).first()
    document = get_document_model().objects.first()
    return {
        "home": "/",
        "level": level.url,
        "packet": packet.url,
        "private_packet": private_packet.url,
        "assignment": assignment.url,
        "level_deck": f"{level.url}flashcards.txt",
        "packet_deck": f"{packet.url}flashcards.apkg",
        "packet_practice": f"{packet.url}flashcards/",
        "private_packet_deck": f"{private_packet.url}flashcards.txt",
        "private_packet_practice": f"{private_packet.url}flashcards/",
        "document": f"/documents/{document.pk}/{document.filename}",
        "export": "/records/exports/attendance.csv",
        "loans_export": "/records/exports/loans.xlsx",
        "root_page": Page.objects.get(depth=2).url,
        "public_image": _picture_of(packet),
        "private_image": _picture_of(private_packet),
        "spoken_text": _spoken(packet),
        "guide_image": _picture_of_guide("sign-in"),
    }


def _spoken(packet):
    """The generated voice of the packet's first word (the voice is off in tests
    unless turned on, as here)."""
    from django.test import override_settings

    from packets.voice.services import speak_now
    from packets.voice.texts import vocabulary_texts

    text = next(vocabulary_texts(packet.body))
    with override_settings(HARBOR_VOICE="packets.voice.espeak.EspeakVoice"):
        speak_now([text])
    return SpokenText.objects.get(text=text).url


def _picture_of(packet):
    """The path of the picture the packet page shows (its rendition)."""
    image = next(block.value["image"] for block in packet.body if block.block_type == "image")
    return "/media/" + image.get_rendition("width-480|format-webp").file.name


def _picture_of_guide(slug):
    """The path of a rendition of the guide's first picture (the demo's guides)."""
    image = GuidePage.objects.get(slug=slug).steps.first().image
    return "/media/" + image.get_rendition("width-375|format-webp").file.name


class _Quiet:
    def write(self, text):
        pass

    def flush(self):
        pass


def world_fixture(django_db_setup, django_db_blocker):
    """Body of a module-scoped fixture: the world inside one transaction that
    is rolled back when the module's tests are done (each test also runs in
    its own savepoint, so what one test's POST changes the next does not see)."""
    with django_db_blocker.unblock(), transaction.atomic():
        with wagtails_housekeeping_at_once():
            world = load_world()
        yield world
        transaction.set_rollback(True)
