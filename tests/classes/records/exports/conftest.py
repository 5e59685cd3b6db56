"""Records built through the real actions (classes, enrollment, the roll, handing in
work and feedback). Assessments are written as rows: their dates are fixed (up to
December 2026) and `record_assessment` refuses a date after today."""

import csv
import io
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from classes.attendance import Mark, take_attendance
from classes.enrollment import enroll
from classes.models import Assessment
from learning.roles import Role
from tests.factories import give_feedback, hand_in, publish_assignment

TERM = "start=2026-09-07&end=2026-12-18"


@pytest.fixture
def join(make_user):
    """Enroll a student (a new one unless given) in a class."""

    def make(class_, student=None, **fields):
        student = student or make_user(Role.STUDENT, **fields)
        enroll(student, class_)
        return student

    return make


@pytest.fixture
def attend():
    """Mark students on the first `sessions` sessions of a class, by its teacher."""

    def mark(class_, students, *, sessions=1, status="present", minutes=120, skip=0):
        teacher = class_.teachers.first()
        for session in class_.sessions.order_by("starts_at")[skip : skip + sessions]:
            marks = {student.pk: Mark(status, minutes) for student in students}
            take_attendance(session, marks, by=teacher)

    return mark


@pytest.fixture
def assess():
    def make(student, phase, nrs_level, taken_on, *, test="casas_reading", score=200):
        return Assessment.objects.create(
            student=student,
            test=test,
            form="27R",
            taken_on=taken_on,
            scale_score=score,
            phase=phase,
            nrs_level=nrs_level,
        )

    return make


@pytest.fixture
def assignment(packet):
    def make(title="Call the clinic", kind="written", due=date(2026, 9, 18), points=10):
        return publish_assignment(
            packet, kind, title=title, due_date=due, points=points, publish=False
        )

    return make


def at(day, hour=12):
    return timezone.make_aware(datetime.combine(day, datetime.min.time()).replace(hour=hour))


def work_with_feedback(student, class_, assignment, *, on, versions=1, feedback, score):
    """Work handed in `versions` times on a day, then given feedback (a status)
    with a score by the class's teacher."""
    for number in range(versions):
        text = f"My answer, take {number + 1}."
        submission = hand_in(student, assignment, now=at(on), text=text)
    give_feedback(class_.teachers.first(), submission, feedback, text="", score=score)
    submission.refresh_from_db()
    return submission


def csv_rows(response):
    """The rows of a streamed CSV response, header first, as a spreadsheet reads them."""
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def csv_dicts(response):
    header, *rows = csv_rows(response)
    return [dict(zip(header, row, strict=True)) for row in rows]


def xlsx_rows(response):
    body = b"".join(response.streaming_content)
    workbook = load_workbook(io.BytesIO(body), read_only=True)
    return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]


def as_csv_text(value):
    """How an XLSX cell's value reads in the CSV: numbers compared as numbers."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value)


def same_value(xlsx_value, csv_value):
    if isinstance(xlsx_value, int | float):
        return Decimal(str(xlsx_value)) == Decimal(csv_value)
    return as_csv_text(xlsx_value) == csv_value


@pytest.fixture
def program(make_cohort, make_level, teacher, make_user, join, attend, assess, assignment):
    """Two classes of two teachers: an evening Level 2 (the `teacher` fixture's) with
    Amina (a participant with a gain and a piece of work) and Ahmad, and a morning
    Level 4 with Fatima."""
    from types import SimpleNamespace

    from packets.levels import NRSLevel

    level4 = make_level(
        slug="level-4", title="Level 4 · Intermediate", nrs=NRSLevel.LOW_INTERMEDIATE
    )
    evening = make_cohort(teachers=[teacher], name="Evening Level 2")
    other_teacher = make_user(Role.TEACHER, display_name="Omar Haddad")
    morning = make_cohort(teachers=[other_teacher], name="Morning Level 4", level=level4)
    amina = join(evening, display_name="أمينة يوسف")
    ahmad = join(evening, display_name="Ahmad Rahimi")
    fatima = join(morning, display_name="Fatima Noor")
    attend(evening, [amina], sessions=7)
    attend(evening, [ahmad], sessions=1, status="late", minutes=90, skip=7)
    attend(morning, [fatima], sessions=2)
    assess(amina, "pre", 2, date(2026, 9, 8), score=190)
    assess(amina, "post", 3, date(2026, 12, 1), score=205)
    assess(fatima, "pre", 4, date(2026, 9, 9), score=215)
    work = work_with_feedback(
        amina, evening, assignment(), on=date(2026, 9, 17), versions=2, feedback="returned", score=9
    )
    loan = lend_a_laptop(amina, by=make_user(Role.MANAGER))
    return SimpleNamespace(
        loan=loan,
        evening=evening,
        morning=morning,
        level4=level4,
        other_teacher=other_teacher,
        amina=amina,
        ahmad=ahmad,
        fatima=fatima,
        work=work,
    )


def lend_a_laptop(student, by):
    """Amina's laptop, lent in September and due back before the term ends."""
    from classes.loans.services import add_device, lend_device

    device = add_device(by=by, kind="laptop", asset_tag="=HBR-001", model_name="Chromebook")
    return lend_device(
        device,
        student,
        by=by,
        lent_on=date(2026, 9, 10),
        due_back=date(2026, 12, 1),
        agreement_signed=True,
        agreement_signed_on=date(2026, 9, 10),
    )
