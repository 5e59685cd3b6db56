"""The one set of factories the suite builds content and work with, through
Harbor's own actions: levels, packets and assignments added under their parent and
published as an editor publishes them (a revision, then publish), work handed
in and feedback given through `classes.submissions.services`. Fixtures in the
conftest files only choose the defaults their tests read."""

import io
import itertools
import wave
from contextlib import nullcontext
from datetime import date, time, timedelta
from unittest import mock

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from classes.schedule import create_class
from classes.submissions import services
from classes.submissions.services import Recording, Work
from packets.levels import CEFRBand, NRSLevel
from packets.models import AssignmentPage, LevelPage, PacketPage
from packets.tree import home_page

_numbers = itertools.count(1)


def add_level(slug="level-2", title="Level 2", nrs=NRSLevel.LOW_BEGINNING, **fields):
    """A level under the home page, published as `packets.demo.ensure_levels`
    publishes its own (signed-in only, as every new level is: packets/signals.py)."""
    fields.setdefault("cefr_band", CEFRBand.A1)
    level = LevelPage(slug=slug, title=title, nrs_level=nrs, **fields)
    home_page().add_child(instance=level)
    level.save_revision().publish()
    return level


def open_class(level, teachers=(), **fields):
    """A class opened as a teacher opens one (its sessions made for the whole
    term): Monday and Wednesday evenings, 7 September to 18 December 2026,
    unless told."""
    fields.setdefault("name", "Evening Level 2")
    fields.setdefault("term_start", date(2026, 9, 7))  # a Monday
    fields.setdefault("term_end", date(2026, 12, 18))
    fields.setdefault("meeting_days", [1, 3])
    fields.setdefault("start_time", time(18, 0))
    return create_class(level=level, teachers=teachers, **fields)


def publish_packet(level, title="Week 1", *, publish=True, **fields):
    """A packet under `level`; published unless `publish` is false (then only
    saved, as a draft page is)."""
    fields.setdefault("number", 1)
    fields.setdefault("summary", "This week's work.")
    fields.setdefault("body", [])
    packet = PacketPage(title=title, **fields)
    level.add_child(instance=packet)
    if publish:
        packet.save_revision().publish()
    return packet


def publish_assignment(packet, kind="written", *, publish=True, **fields):
    """An assignment under `packet`, due in three days unless told; published
    unless `publish` is false (then only saved, as a draft page is)."""
    fields.setdefault("title", f"{kind.title()} homework")
    fields.setdefault("due_date", timezone.localdate() + timedelta(days=3))
    fields.setdefault("instructions", [])
    assignment = AssignmentPage(kind=kind, **fields)
    packet.add_child(instance=assignment)
    if publish:
        assignment.save_revision().publish()
    return assignment


def photo_upload(name="worksheet.jpg", size=(1200, 900)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def wav_upload(name="speaking.wav", seconds=2):
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\0\0" * 8000 * seconds)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="audio/wav")


def work_for(assignment, text="My name is Amina. I live in Ohio."):
    """Work that fits the assignment's kind (a quiz: one answer right, one wrong)."""
    from classes.uploads.audio import check_audio
    from classes.uploads.images import process_photo

    if assignment.kind == "photo":
        return Work(photos=[process_photo(photo_upload())])
    if assignment.kind == "audio":
        upload = wav_upload()
        return Work(recording=Recording(upload, check_audio(upload)))
    if assignment.kind == "quiz":
        first, second = (block.id for block in assignment.questions)
        return Work(answers={first: "0", second: "car"})
    return Work(text=text)


def hand_in_version(student, assignment, *, now=None, **kwargs):
    """The new SubmissionVersion after the student hands in fitting work at `now`."""
    work = work_for(assignment, **kwargs)
    return services.submit_work(student, assignment, work, token=f"work-{next(_numbers)}", now=now)


def hand_in(student, assignment, *, now=None, **kwargs):
    """The student's Submission after handing in work that fits the assignment."""
    return hand_in_version(student, assignment, now=now, **kwargs).submission


def give_feedback(teacher, submission, status="returned", *, at=None, text="Well done.", **fields):
    """Feedback through the review service. `at` is when the teacher gives it:
    the service stamps the current time, so the clock reads `at` meanwhile."""
    clock = mock.patch("django.utils.timezone.now", return_value=at) if at else nullcontext()
    with clock:
        return services.give_feedback(
            teacher, submission, token=f"fb-{next(_numbers)}", status=status, text=text, **fields
        )


# The tests of the former NRS ESL levels that migration 0022 loaded.
FORMER_ESL_TESTS = ("casas_reading", "casas_listening", "best_plus", "best_literacy", "tabe_clas_e")


def score_for_level(test, level):
    """A scale score the catalog's table places at `level` (its band's lowest)."""
    from classes.models import ScoreBand

    return ScoreBand.objects.get(instrument__code=test, nrs_level=level).low


def set_minimum_hours(test, hours):
    """What a program does in the catalog (Wagtail admin): the hours a post-test
    of `test` needs since the pretest. Worlds about figures, not about the test
    rules, set 0 so their few sessions can hold a post-test."""
    from classes.models import TestInstrument

    TestInstrument.objects.filter(code=test).update(min_hours_between=hours)


def record_test(student, *, by, test, taken_on, phase, level, **fields):
    """A result through record_assessment at a score the table places at `level`,
    on the first form of a Level B pair for a pretest and its alternate for a post-test."""
    from classes.records.assessments import record_assessment

    forms = {
        "casas_reading": ("81R", "82R"),
        "best_plus": ("D", "E"),
        "casas_listening": ("983L", "984L"),
    }
    fields.setdefault("form", forms[test][0 if phase == "pre" else 1])
    return record_assessment(
        student,
        by=by,
        test=test,
        taken_on=taken_on,
        phase=phase,
        scale_score=score_for_level(test, level),
        **fields,
    )
