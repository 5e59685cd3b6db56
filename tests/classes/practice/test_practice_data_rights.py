"""A student's practice groups are in their export, and erasure takes them out."""

import pytest

from classes.models import PracticeGroup, PracticeMembership
from classes.practice import data_rights

pytestmark = pytest.mark.django_db


def test_export_lists_the_students_groups_and_those_they_started(school, group):
    assert [row["group_name"] for row in data_rights.practice_groups(school.ahmad)] == ["Talk club"]
    assert [row["name"] for row in data_rights.groups_started(school.amina)] == ["Talk club"]


def test_erasure_closes_their_groups_and_takes_them_out(school, group):
    data_rights.leave_groups(school.amina)
    group = PracticeGroup.objects.get(pk=group.pk)
    assert not group.is_open and group.name == "—"
    assert not PracticeMembership.objects.filter(student=school.amina).exists()
    assert PracticeMembership.objects.filter(group=group).count() == 2  # the others stay
