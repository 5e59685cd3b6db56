import pytest

from learning.roles import Role


def test_each_role_has_its_predicate(make_user):
    student, teacher, manager = (make_user(role) for role in Role)
    assert (student.is_student, student.is_teacher, student.is_manager) == (True, False, False)
    assert (teacher.is_student, teacher.is_teacher, teacher.is_manager) == (False, True, False)
    assert (manager.is_student, manager.is_teacher, manager.is_manager) == (False, False, True)
    assert [u.role for u in (student, teacher, manager)] == list(Role)


def test_a_deactivated_user_holds_no_role(make_user):
    teacher = make_user(Role.TEACHER, is_active=False)
    assert not teacher.is_teacher
    assert teacher.role is None


def test_classmates_see_the_display_name_not_the_username(make_user):
    user = make_user(Role.STUDENT, username="amina.y", display_name="Amina")
    assert str(user) == "Amina"
    assert make_user(Role.STUDENT, username="no.name", display_name="").name == "no.name"


@pytest.mark.django_db
def test_the_role_groups_exist_and_only_staff_may_open_the_admin():
    from django.contrib.auth.models import Group

    for role in Role:
        group = Group.objects.get(name=role.value)
        may_open_admin = group.permissions.filter(codename="access_admin").exists()
        assert may_open_admin == (role != Role.STUDENT)
