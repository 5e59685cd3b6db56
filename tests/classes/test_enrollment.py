from datetime import date

import pytest
from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError

from classes.enrollment import (
    add_students_from_form,
    create_student_accounts,
    enroll,
    join_with_code,
    parse_names,
    regenerate_join_code,
    withdraw,
)
from classes.models import Class, Enrollment
from classes.models.cohorts import JOIN_CODE_ALPHABET
from learning.roles import Role


def test_join_codes_have_no_look_alike_characters(a_class):
    assert len(a_class.join_code) == 6
    assert set(a_class.join_code) <= set(JOIN_CODE_ALPHABET)
    assert not set("0O1IL5S2Z8B") & set(JOIN_CODE_ALPHABET)


def test_a_student_joins_with_the_code_typed_loosely(a_class, student):
    code = a_class.join_code
    join_with_code(student, f" {code[:3].lower()}-{code[3:]} ")
    assert Class.objects.for_user(student).get() == a_class


def test_a_wrong_code_is_refused(a_class, student):
    with pytest.raises(ValidationError, match="not right"):
        join_with_code(student, "XXXXXX")
    assert not Enrollment.objects.exists()


def test_an_expired_code_is_refused(make_cohort, student):
    old = make_cohort(term_start=date(2020, 1, 6), term_end=date(2020, 3, 27))
    with pytest.raises(ValidationError, match="ended"):
        join_with_code(student, old.join_code)
    assert not Enrollment.objects.exists()


def test_a_regenerated_code_replaces_the_old_one(a_class, student):
    old = a_class.join_code
    new = regenerate_join_code(a_class)
    assert new != old
    with pytest.raises(ValidationError, match="not right"):
        join_with_code(student, old)
    join_with_code(student, new)


def test_joining_the_same_class_twice_is_refused(a_class, student):
    enroll(student, a_class)
    with pytest.raises(ValidationError, match="already in"):
        join_with_code(student, a_class.join_code)
    assert Enrollment.objects.count() == 1


def test_teachers_cannot_be_enrolled_as_students(a_class, teacher):
    with pytest.raises(ValidationError, match="Only students"):
        enroll(teacher, a_class)


def test_withdrawing_keeps_the_enrollment_and_removes_access(a_class, student):
    enrollment = enroll(student, a_class)
    withdraw(enrollment)
    enrollment.refresh_from_db()
    assert enrollment.status == "withdrawn" and enrollment.ended_on is not None
    assert not Class.objects.for_user(student).exists()
    enroll(student, a_class)
    assert Class.objects.for_user(student).get() == a_class
    assert Enrollment.objects.count() == 1


def test_class_lists_follow_roles(make_cohort, teacher, make_user, student, manager):
    mine = make_cohort(teachers=[teacher])
    other = make_cohort(teachers=[make_user(Role.TEACHER)], name="Morning")
    enroll(student, other)
    assert list(Class.objects.for_user(teacher)) == [mine]
    assert list(Class.objects.for_user(student)) == [other]
    assert set(Class.objects.for_user(manager)) == {mine, other}


def test_a_teacher_creates_accounts_for_students_without_email(a_class, teacher):
    created = create_student_accounts(a_class, ["Gul Wazir", "گل وزیر"], added_by=teacher)
    (gul, password), (second, _password) = created
    assert gul.username == "gul.wazir1" and second.username == "student1"
    assert gul.is_student and not gul.email
    assert password not in gul.password  # only the hash is stored
    assert authenticate(username=gul.username, password=password) == gul
    assert Enrollment.objects.get(student=gul).added_by == teacher


def test_names_are_read_one_per_line(db):
    assert parse_names("Amina Yusuf\n\n  Ahmad Rahimi \n") == ["Amina Yusuf", "Ahmad Rahimi"]
    with pytest.raises(ValidationError, match="at least one"):
        parse_names(" \n ")


def test_the_add_students_form_makes_accounts_once_per_token(a_class, teacher):
    data = {"name_list": parse_names("Gul Wazir\nMarie Habimana"), "language": "prs"}
    created, first = add_students_from_form(a_class, data, by=teacher, token="tok-1")
    again, first_again = add_students_from_form(a_class, data, by=teacher, token="tok-1")
    assert (len(created), first) == (2, True)
    assert (again, first_again) == ([], False)
    assert Enrollment.objects.filter(cohort=a_class).count() == 2


def test_a_refused_add_students_form_leaves_nothing_and_may_be_sent_again(a_class, teacher):
    data = {"name_list": parse_names("Gul Wazir"), "username": "nobody"}
    with pytest.raises(ValidationError, match="nobody"):
        add_students_from_form(a_class, data, by=teacher, token="tok-2")
    assert not Enrollment.objects.filter(cohort=a_class).exists()
    created, first = add_students_from_form(
        a_class, {"name_list": parse_names("Gul Wazir")}, by=teacher, token="tok-2"
    )
    assert (len(created), first) == (1, True)
