"""`/records/intake/`: the students whose intake a desk may take, found by
name. Intake staff need not teach anyone, so this list is how they reach a
student's intake page by links (classes/access.py: can_manage_intake)."""

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q

from classes.models import IntakeProfile
from learning.roles import Role

PER_PAGE = 50
# Longer than any name or address: a longer search is a slip, not a name.
LONGEST_SEARCH = 100


def students_for_intake(search=""):
    """Every student, by name, each marked with whether intake is recorded;
    `search` matches a part of the name, the username or the email address."""
    students = get_user_model().objects.filter(groups__name=Role.STUDENT)
    if search:
        students = students.filter(
            Q(display_name__icontains=search)
            | Q(username__icontains=search)
            | Q(email__icontains=search)
        )
    recorded = IntakeProfile.objects.filter(student=OuterRef("pk"))
    return (
        students.annotate(intake_recorded=Exists(recorded))
        .only("pk", "display_name", "first_name", "last_name", "username")
        .order_by("display_name", "username", "pk")
    )
