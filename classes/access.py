"""Who may do what with a class, a student and their records: the one place
that says it. Views, consumers, records and exports ask these functions; the
chat's per-message SQL (classes/chat/rooms.py) restates `can_teach` and
`is_enrolled` for speed, and tests/classes/test_access_rules.py holds it to
the same answers.

The rules (docs/security.md, "Who may do what"):
- managers run every class and act on every student;
- a teacher runs the classes they teach;
- a student opens the classes they are actively enrolled in;
- a teacher adds an existing account only if it has no active enrollment in a
  class they do not teach (otherwise a manager moves it, or the student joins
  with the class code);
- a teacher gives a new password only to a student without email all of whose
  active classes they teach;
- a teacher reads a student's records only in the classes they taught;
- device loans: managers, and staff given the loans permission (the "Loan
  staff" group), add devices, lend and take them back; a teacher reads the
  loans of the students active in their classes; a student sees their own;
- a student says whether they have a device; so may their teachers and
  whoever manages loans; managers give teachers the loans permission.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from classes.models import Class, Enrollment
from classes.submissions.placement import levels_of
from learning.roles import INTAKE_PERMISSION, LOAN_PERMISSION, Role


def _signed_in(user):
    return user.is_authenticated and user.is_active


def can_teach(user, class_):
    """Teachers of the class, and managers, run it: roll, roster, sessions, email."""
    if not _signed_in(user):
        return False
    if user.is_manager:
        return True
    return user.is_teacher and class_.teachers.filter(pk=user.pk).exists()


def is_enrolled(user, class_):
    """An active enrollment: withdrawn or completed students keep their history
    but no longer open the class."""
    if not _signed_in(user):
        return False
    return Enrollment.objects.active().filter(student=user, cohort=class_).exists()


def is_member(user, class_):
    """May open the class's pages: its teachers, managers, and active students."""
    return can_teach(user, class_) or is_enrolled(user, class_)


def can_see_work(user, submission):
    """A submission and its files: the student whose work it is, the teachers of
    the class that reviews it, and managers."""
    if not _signed_in(user):
        return False
    return submission.student_id == user.pk or can_teach(user, submission.cohort)


def classes_taught_by_others(user, student):
    """The student's active classes that `user` does not run."""
    active = Class.objects.filter(
        pk__in=Enrollment.objects.active().of_student(student).values("cohort_id")
    )
    if user.is_manager:
        return active.none()
    return active.exclude(teachers=user)


def refusal_to_add(user, class_, student):
    """None when `user` may put this existing account in the class, else why not."""
    if not can_teach(user, class_):
        return _("Only the class's teachers can add students.")
    if not student.is_student:
        return _("Only students can be enrolled in a class.")
    if classes_taught_by_others(user, student).exists():
        return _(
            "%(name)s is in another teacher's class. Ask a manager to move them, "
            "or give them this class's code to join."
        ) % {"name": student.name}
    return None


def may_reset_password(user, student):
    """Managers: any student. Teachers: a student without email (accounts with
    one reset their own) who is active only in classes this teacher teaches."""
    return student.pk in resettable_students(user, [student])


def resettable_students(user, students):
    """The ids of `students` whose password `user` may reset, in at most three queries."""
    if not _signed_in(user) or not (user.is_manager or user.is_teacher):
        return set()
    ids = [s.pk for s in students if user.is_manager or not s.email]
    candidates = set(
        get_user_model()
        .objects.filter(pk__in=ids, groups__name=Role.STUDENT)
        .values_list("pk", flat=True)
    )
    if user.is_manager or not candidates:
        return candidates
    active = Enrollment.objects.active().filter(student_id__in=candidates)
    taught = set(active.filter(cohort__teachers=user).values_list("student_id", flat=True))
    elsewhere = active.exclude(cohort__teachers=user).values_list("student_id", flat=True)
    return taught - set(elsewhere)


def records_classes(user):
    """The classes whose records the user may read; PermissionDenied for students."""
    if user.is_manager:
        return Class.objects.all()
    if user.is_teacher:
        return Class.objects.taught_by(user)
    raise PermissionDenied


def can_share_page(user, page):
    """A packet or assignment page's Share control: managers, and teachers of a
    class at its level or at a level its packet is shared into."""
    if not _signed_in(user) or not (user.is_manager or user.is_teacher):
        return False
    if user.is_manager:
        return True
    return classes_sharing(user, page).exists()


def classes_sharing(user, page):
    """The classes a page is shared with by `user`: those they teach at its
    level or at a level its packet is shared into."""
    return Class.objects.taught_by(user).filter(level__in=levels_of(page))


def share_audience(user, page):
    """`can_share_page` in one query: the classes `user` would share the page
    with (a manager may have none), or None when they may not share it."""
    if not _signed_in(user) or not (user.is_manager or user.is_teacher):
        return None
    classes = list(classes_sharing(user, page).only("name", "share_language"))
    return classes if (classes or user.is_manager) else None


def can_manage_loans(user):
    """Add and change devices, lend them, take them back, see every loan."""
    if not _signed_in(user):
        return False
    return user.is_manager or user.has_perm(LOAN_PERMISSION)


def loan_readers_students(user):
    """The students whose loans `user` may read: None means everyone's (those
    who manage loans); teachers, the students active in their classes; anyone
    else, PermissionDenied."""
    if can_manage_loans(user):
        return None
    if _signed_in(user) and user.is_teacher:
        taught = Enrollment.objects.active().filter(cohort__teachers=user)
        return get_user_model().objects.filter(pk__in=taught.values("student_id"))
    raise PermissionDenied


def can_read_loans_of(user, student):
    """A student's own loans, and those their teachers and loan staff read."""
    if not _signed_in(user):
        return False
    if user.pk == student.pk:
        return True
    try:
        students = loan_readers_students(user)
    except PermissionDenied:
        return False
    return students is None or students.filter(pk=student.pk).exists()


def may_mark_no_device(user, student):
    """Whether `user` may record that `student` has (no) device to study on."""
    if not _signed_in(user) or not student.is_student:
        return False
    return can_read_loans_of(user, student)


def can_grant_loans(user):
    """Giving a staff member the loans permission is a manager's act."""
    return _signed_in(user) and user.is_manager


def can_manage_intake(user):
    """Read and record students' intake (demographics and status at entry for
    the federal tables): managers and the intake staff they name. Teachers
    do not see it: it is not learning data."""
    if not _signed_in(user):
        return False
    return user.is_manager or user.has_perm(INTAKE_PERMISSION)


def intake_student(user, student_id):
    """The student whose intake `user` opens: any student (intake comes before
    a class); PermissionDenied for those who may not, 404 for a non-student."""
    if not can_manage_intake(user):
        raise PermissionDenied
    students = get_user_model().objects.filter(groups__name=Role.STUDENT)
    return get_object_or_404(students, pk=student_id)


# Students' own practice groups (docs/practice-groups.md). Teachers and managers
# see that a group exists and who is in it (practice_groups_seen_by), and the
# messages its members report to them; never the group's page or socket. The
# chat's per-message SQL (classes/practice/rooms.py) restates `may_read_practice`.


def _active_student(user):
    return _signed_in(user) and user.is_student


def classmates(student):
    """Students actively enrolled in a class where `student` is actively enrolled."""
    classes = Enrollment.objects.active().of_student(student).values("cohort_id")
    together = Enrollment.objects.active().filter(cohort_id__in=classes)
    return (
        get_user_model()
        .objects.filter(pk__in=together.values("student_id"), groups__name=Role.STUDENT)
        .exclude(pk=student.pk)
    )


def may_create_practice_group(user):
    """A student in at least one class (whose teachers will see the group)."""
    return _active_student(user) and Enrollment.objects.active().of_student(user).exists()


def may_read_practice(user, group):
    """Its accepted members who are still in a class: the page, the socket, posting
    (while open) and reporting. Nobody else, whatever their role."""
    if not may_create_practice_group(user):
        return False
    return group.memberships.filter(student=user, status="accepted").exists()


def may_manage_practice(user, group):
    """Inviting, removing members and closing: the student who made the group."""
    return group.created_by_id == user.pk and may_read_practice(user, group)


def may_answer_invitation(user, group):
    return (
        _active_student(user) and group.memberships.filter(student=user, status="invited").exists()
    )


def may_remove_message(user, message, class_):
    """Removing a chat message for everyone, from `class_`'s pages: in the
    class's own rooms, its teachers; in a practice group, the teachers of a
    class whose active student reported the message (the only way they see it)."""
    room = message.room
    if room.cohort_id is not None:
        return room.cohort_id == class_.pk and can_teach(user, class_)
    from classes.models import Report

    students = Enrollment.objects.active().filter(cohort=class_).values("student_id")
    reported = Report.objects.filter(message=message, reporter_id__in=students).exists()
    return reported and can_teach(user, class_)


def practice_groups_seen_by(user, class_):
    """The groups the class's students are in (members or invited), for its
    teachers and managers; none for anyone else."""
    from classes.models import PracticeGroup

    if not can_teach(user, class_):
        return PracticeGroup.objects.none()
    students = Enrollment.objects.active().filter(cohort=class_).values("student_id")
    return PracticeGroup.objects.filter(
        memberships__student_id__in=students, memberships__status__in=["invited", "accepted"]
    ).distinct()


def may_record_study_time(user):
    """Clock time (classes/clock_time.py) is a student's own: signed-in student
    accounts that are not staff."""
    return _active_student(user) and not user.may_publish


def may_time_packet(user, packet, pages):
    """…and only on a live packet they may read (`pages`: a
    packets.privacy.PageAccess for the request)."""
    return may_record_study_time(user) and packet.live and pages.may_view(packet)
