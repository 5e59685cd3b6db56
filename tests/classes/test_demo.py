import pytest
from django.core.management import call_command

from classes.models import Attendance, AttendanceChange, Class, Enrollment


@pytest.mark.django_db
def test_the_demo_classes_have_students_and_realistic_past_attendance():
    call_command("demo", stdout=None)
    call_command("demo", stdout=None)
    classes = Class.objects.all()
    assert classes.count() == 3
    assert len({c.level_id for c in classes}) == 3
    assert Enrollment.objects.active().count() == 11
    statuses = set(Attendance.objects.values_list("status", flat=True))
    assert {"present", "late", "absent"} <= statuses
    late = Attendance.objects.filter(status="late").first()
    assert 0 < late.minutes < late.session.duration_minutes
    evening = Class.objects.get(name__startswith="Level 2")
    assert evening.teachers.get().username == "teacher1"
    assert evening.sessions.roll_missing().exists()  # the latest roll is left for the teacher
    assert not AttendanceChange.objects.exists()  # the second run changed nothing
