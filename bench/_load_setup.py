"""bench/load.py's students, made inside the server's own settings and database
(`python bench/load.py setup N` runs this): the demo students, then new ones
enrolled in turn in the demo classes whose level has a written assignment, each
with a session made server-side. Prints each student's plan as JSON."""

import json


def setup_students(count):
    import django

    django.setup()
    from django.db import transaction

    with transaction.atomic():
        students = demo_students() + new_students(count - len(demo_students()))
        plans = [plan_for(student) for student in students[:count]]
    rooms = [plan["chat"] for plan in plans]
    for plan in plans:
        plan["room_size"] = rooms.count(plan["chat"])  # our sockets in that room
    print(json.dumps(plans))


def demo_students():
    from django.contrib.auth import get_user_model

    demo = get_user_model().objects.filter(username__regex=r"^student[0-9]+$")
    return sorted(demo, key=lambda user: int(user.username.removeprefix("student")))


def classes_with_written_work():
    from classes.models import Class

    return [c for c in Class.objects.order_by("pk") if written_assignments(c.level)]


def written_assignments(level):
    from packets.levels import AssignmentKind
    from packets.models import AssignmentPage

    pages = AssignmentPage.objects.live().descendant_of(level)
    return list(pages.filter(kind=AssignmentKind.WRITTEN).order_by("path"))


def new_students(count):
    from django.contrib.auth import get_user_model

    from classes.enrollment import enroll
    from learning.roles import Role

    classes = classes_with_written_work()
    made = []
    for n in range(max(count, 0)):
        user = get_user_model().objects.create_user(f"load-{n}", display_name=f"Learner {n}")
        user.add_role(Role.STUDENT)
        cohort = classes[n % len(classes)]
        enroll(user, cohort, added_by=cohort.teachers.first())
        made.append(user)
    return made


def open_assignment(student, cohort):
    """A written assignment of the class's level the student may still hand in
    (the demo has some work already returned, which cannot take a new version)."""
    from classes.models import Submission, SubmissionStatus

    returned = Submission.objects.filter(student=student, status=SubmissionStatus.RETURNED)
    closed = set(returned.values_list("assignment_id", flat=True))
    return next((a for a in written_assignments(cohort.level) if a.pk not in closed), None)


def plan_for(student):
    """Where the student goes: their class's chat, its level's pages, and the
    written assignment they hand in (None: the student reads and chats only)."""
    from django.test import Client

    from classes.models import Enrollment
    from packets.models import AssignmentPage, PacketPage

    cohorts = [e.cohort for e in Enrollment.objects.active().filter(student=student).order_by("pk")]
    chosen = next((c for c in cohorts if open_assignment(student, c)), cohorts[0])
    assignment = open_assignment(student, chosen)
    level = chosen.level
    pages = [*PacketPage.objects.live().descendant_of(level)]
    pages += AssignmentPage.objects.live().descendant_of(level)
    client = Client()
    client.force_login(student)
    return {
        "username": student.username,
        "cookie": client.cookies["sessionid"].value,
        "reads": [page.get_url() for page in pages],
        "assignment": assignment.get_url() if assignment else None,
        "chat": f"/ws/classes/{chosen.pk}/chat/",
    }
