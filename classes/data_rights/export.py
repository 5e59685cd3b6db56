"""Everything Harbor holds about one student, as JSON plus their files, in a zip."""

import json
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from classes.data_rights.registry import STUDENT_DATA
from classes.models import SubmissionFile

FORMAT = "harbor-student-data/1"


def student_document(student):
    """The JSON document: one section per kind of data (docs/data-rights.md)."""
    document = {"format": FORMAT, "exported_at": timezone.now(), "student_id": student.pk}
    for rule in STUDENT_DATA.values():
        if rule.section and rule.export:
            document[rule.section] = rule.export(student)
    return document


def student_files(student):
    """(name in the zip, file) of every photo and recording of the student's work,
    and of the voice comments teachers gave on it."""
    files = SubmissionFile.objects.filter(submission__student=student).order_by("pk")
    for stored in files:
        yield (
            f"files/{stored.submission_id}/{stored.pk}-{stored.file.name.rsplit('/', 1)[-1]}",
            stored,
        )


def write_zip(student, output):
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        text = json.dumps(student_document(student), cls=DjangoJSONEncoder, ensure_ascii=False)
        archive.writestr("student.json", text)
        for name, stored in student_files(student):
            with stored.file.open("rb") as source:
                archive.writestr(name, source.read())
    return output
