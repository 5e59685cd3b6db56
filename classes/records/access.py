"""Finding the records a request may read (the rules are classes/access.py).
Managers read every class and student; teachers the classes they teach and the
students ever enrolled in them (withdrawn ones too: their history is the
class's), and of those students only what happened in those classes; everyone
else nothing (403). A class or student outside a teacher's reach is a 404, so
its existence is not revealed."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404

from classes.access import records_classes
from classes.models import Enrollment
from learning.roles import Role

__all__ = ["records_classes", "record_class", "record_student", "require_manager"]


def require_manager(user):
    if not user.is_manager:
        raise PermissionDenied


def visible_students(user):
    """Students whose record the user may open. Managers also see students not
    yet in a class: placement tests come before the class."""
    enrolled = Enrollment.objects.filter(cohort__in=records_classes(user)).values("student_id")
    users = get_user_model().objects.all()
    if not user.is_manager:
        return users.filter(pk__in=enrolled)
    students = get_user_model().objects.filter(groups__name=Role.STUDENT).values("pk")
    return users.filter(Q(pk__in=enrolled) | Q(pk__in=students))


def record_student(request, student_id):
    return get_object_or_404(visible_students(request.user), pk=student_id)


def record_class(request, class_id):
    return get_object_or_404(records_classes(request.user).select_related("level"), pk=class_id)
