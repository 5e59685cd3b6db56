"""Demo work: students' submissions of every kind in the demo classes, some with
feedback (returned, one sent back for revision), some waiting, one late, one
draft; handed in and answered with the real service functions. Idempotent: a
student's work on an assignment that already exists is left alone."""

import io
import math
import struct
import wave
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from classes.models import Submission
from classes.submissions.services import Recording, Work, give_feedback, save_draft, submit_work
from classes.uploads.audio import check_audio
from classes.uploads.images import process_photo
from packets.models import AssignmentPage


@dataclass(frozen=True)
class DemoWork:
    student: str
    assignment: str  # the demo assignment's slug
    hours_ago: int = 0  # when it was handed in
    text: str = ""
    late: bool = False  # handed in after the due date instead
    draft: bool = False  # only typed so far, not handed in
    all_right: bool = True  # quiz answers
    teacher: str = ""  # who gives feedback, if anyone
    status: str = "returned"
    feedback: str = ""
    score: Decimal | None = None
    voice_comment: bool = False


DEMO_WORK = [
    DemoWork(
        "student1",
        "clinic-quiz",
        50,
        teacher="teacher1",
        feedback="Perfect: you know the clinic words!",
    ),
    DemoWork(
        "student1",
        "my-shopping-list",
        20,
        text="Milk, 2 bottles\nRice, 1 bag\nApples, 6\nBread, 1 loaf",
    ),
    DemoWork(
        "student2",
        "my-shopping-list",
        70,
        text="milk\nrice\neggs",
        teacher="teacher1",
        status="revision_requested",
        feedback="A good start! Please write how many of each thing you need: 'eggs, 12'.",
    ),
    DemoWork("student2", "clinic-quiz", 30, all_right=False),
    DemoWork(
        "student3",
        "my-shopping-list",
        44,
        text="Tomatoes, 1 kilo\nOnions, 3\nChicken, 1\nTea, 1 box",
        teacher="teacher1",
        feedback="Very clear list. Well done!",
        score=Decimal(9),
    ),
    DemoWork("student4", "my-shopping-list", text="Bananas, 6\nCoffee", draft=True),
    DemoWork(
        "student2",
        "write-the-alphabet",
        60,
        teacher="teacher1",
        feedback="Beautiful letters. Listen to my comment about the letter G.",
        score=Decimal(10),
        voice_comment=True,
    ),
    DemoWork("student3", "say-hello", 26),
    DemoWork(
        "student5",
        "say-hello",
        48,
        teacher="teacher1",
        feedback="Clear and friendly!",
        score=Decimal(8),
    ),
    DemoWork(
        "student5",
        "my-work-history",
        text="I worked as a tailor in Port-au-Prince for ten years.",
        late=True,
    ),
    DemoWork("student6", "leave-a-message", 8),
    DemoWork(
        "student7",
        "my-work-history",
        36,
        text="From 2015 to 2021 I was a nurse's assistant in Nairobi. Now I work in a warehouse.",
        teacher="teacher2",
        feedback="Good use of the past tense. Add one sentence about the job you want.",
        score=Decimal(13),
    ),
]


def load_submissions(now=None):
    """Hand in the demo work that is not there yet; return how many were added."""
    now = now or timezone.now()
    usernames = {w.student for w in DEMO_WORK} | {w.teacher for w in DEMO_WORK if w.teacher}
    people = {u.username: u for u in get_user_model().objects.filter(username__in=usernames)}
    slugs = {w.assignment for w in DEMO_WORK}
    assignments = {a.slug: a for a in AssignmentPage.objects.live().filter(slug__in=slugs)}
    added = 0
    for item in DEMO_WORK:
        student, assignment = people.get(item.student), assignments.get(item.assignment)
        if student is None or assignment is None:
            continue
        if Submission.objects.filter(student=student, assignment=assignment).exists():
            continue
        hand_in(item, student, assignment, now)
        if item.teacher:
            answer(item, people[item.teacher], student, assignment)
        added += 1
    return added


def hand_in(item, student, assignment, now):
    if item.draft:
        save_draft(student, assignment, item.text)
        return
    when = now - timedelta(hours=item.hours_ago)
    if item.late:
        # The demo's due dates lie ahead, so late work is dated just after one.
        when = assignment.due_at + timedelta(hours=3)
    token = f"demo-work:{item.student}:{item.assignment}"
    submit_work(student, assignment, work_for(item, assignment), token=token, now=when)


def answer(item, teacher, student, assignment):
    submission = Submission.objects.get(student=student, assignment=assignment)
    give_feedback(
        teacher,
        submission,
        token=f"demo-feedback:{item.student}:{item.assignment}",
        status=item.status,
        text=item.feedback,
        score=item.score,
        recording=demo_recording("comment.wav", pitch=330) if item.voice_comment else None,
    )


def work_for(item, assignment):
    kind = assignment.kind
    if kind == "photo":
        return Work(photos=[process_photo(demo_photo())])
    if kind == "audio":
        return Work(recording=demo_recording("speaking.wav"))
    if kind == "quiz":
        return Work(answers=quiz_answers(assignment, item.all_right))
    return Work(text=item.text)


def quiz_answers(assignment, all_right):
    """The right answer to each question; with all_right False, the last one wrong."""
    answers = {}
    for block in assignment.questions:
        if block.block_type == "multiple_choice":
            choices = block.value["choices"]
            answers[block.id] = str(next(i for i, c in enumerate(choices) if c["correct"]))
        else:
            answers[block.id] = block.value["answers"].split("|")[0]
    if not all_right and answers:
        answers[list(answers)[-1]] = "I don't know"
    return answers


def demo_photo():
    """A phone photo of a handwritten alphabet worksheet, drawn by Pillow."""
    page = Image.new("RGB", (1200, 900), (250, 248, 240))
    draw = ImageDraw.Draw(page)
    letters = [f"{c}{c.lower()}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
    for row in range(5):
        draw.line((60, 180 + row * 150, 1140, 180 + row * 150), fill=(160, 180, 220), width=3)
        line = "   ".join(letters[row * 6 : row * 6 + 6])
        draw.text((80, 110 + row * 150), line, fill=(30, 40, 110), font_size=56)
    buffer = io.BytesIO()
    page.save(buffer, "JPEG", quality=85)
    return SimpleUploadedFile("alphabet.jpg", buffer.getvalue(), content_type="image/jpeg")


def demo_recording(name, seconds=2, pitch=220):
    """A short WAV: a hummed tone standing in for a voice, checked like an upload."""
    rate = 8000
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        samples = (
            int(6000 * math.sin(2 * math.pi * pitch * n / rate)) for n in range(rate * seconds)
        )
        out.writeframes(b"".join(struct.pack("<h", s) for s in samples))
    upload = SimpleUploadedFile(name, buffer.getvalue(), content_type="audio/wav")
    return Recording(upload, check_audio(upload))
