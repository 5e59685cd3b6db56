"""The printed record of participation says when it lists only some classes."""

from learning.roles import Role

PARTIAL = "Only the classes taught by the person who issued this record are listed"


def test_a_teacher_s_printed_record_says_it_lists_only_their_classes(
    login, classroom, make_class, make_user, manager
):
    cohort, teacher, amina, _ahmad = classroom
    other = make_class(teacher=make_user(Role.TEACHER), students=[amina], name="Saturday class")
    url = f"/records/students/{amina.pk}/participation/"
    client = login(teacher)
    by_teacher = client.get(url).content.decode()
    assert PARTIAL in by_teacher
    assert cohort.name in by_teacher and other.name not in by_teacher
    client.logout()
    by_manager = login(manager).get(url).content.decode()
    assert PARTIAL not in by_manager
    assert cohort.name in by_manager and other.name in by_manager
