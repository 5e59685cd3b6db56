"""Who may do what with a class. Plain functions so views, consumers and
other apps (chat, submissions, records) ask the same question the same way."""

from classes.models import Enrollment


def can_teach(user, class_):
    """Teachers of the class, and managers, run it: roll, roster, sessions, email."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_manager:
        return True
    return user.is_teacher and class_.teachers.filter(pk=user.pk).exists()


def is_enrolled(user, class_):
    """An active enrollment: withdrawn or completed students keep their history
    but no longer open the class."""
    if not user.is_authenticated or not user.is_active:
        return False
    return Enrollment.objects.active().filter(student=user, cohort=class_).exists()


def is_member(user, class_):
    """May open the class's pages: its teachers, managers, and active students."""
    return can_teach(user, class_) or is_enrolled(user, class_)


def can_see_work(user, submission):
    """A submission and its files: the student whose work it is, the teachers of
    the class that reviews it, and managers."""
    if not user.is_authenticated or not user.is_active:
        return False
    return submission.student_id == user.pk or can_teach(user, submission.cohort)
