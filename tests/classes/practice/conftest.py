"""Two classes: class A (teacher; Amina, Ahmad, Layla) and class B (its own
teacher; Layla and Omar). Omar is no classmate of Amina's."""

from types import SimpleNamespace

import pytest

from classes.practice import services
from learning.roles import Role
from tests.classes.chat.conftest import connect  # noqa: F401  (the chat's socket fixture)


@pytest.fixture
def school(make_class, make_user):
    people = {
        name: make_user(Role.STUDENT, display_name=name)
        for name in ("Amina", "Ahmad", "Layla", "Omar")
    }
    teacher_a = make_user(Role.TEACHER, display_name="Sarah Collins")
    teacher_b = make_user(Role.TEACHER, display_name="Tom Baker")
    class_a = make_class(
        teacher=teacher_a, students=[people["Amina"], people["Ahmad"], people["Layla"]]
    )
    class_b = make_class(teacher=teacher_b, students=[people["Layla"], people["Omar"]], name="B")
    return SimpleNamespace(
        class_a=class_a,
        class_b=class_b,
        teacher_a=teacher_a,
        teacher_b=teacher_b,
        manager=make_user(Role.MANAGER),
        **{name.lower(): user for name, user in people.items()},
    )


@pytest.fixture
def group(school):
    """Amina's group: Ahmad and Layla accepted."""
    group = services.create_group(school.amina, "Talk club", "conversation")
    services.invite(school.amina, group, [school.ahmad.pk, school.layla.pk])
    services.answer_invitation(school.ahmad, group, accept=True)
    services.answer_invitation(school.layla, group, accept=True)
    return group
