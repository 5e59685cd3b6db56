import pytest
from django.contrib.auth import get_user_model

from learning.demo import DEMO_PASSWORD, DEMO_PEOPLE
from learning.roles import Role

DEMO_USERNAMES = ["manager", "teacher1", "teacher2"] + [f"student{n}" for n in range(1, 10)]


@pytest.mark.django_db
def test_demo_is_idempotent_and_every_account_signs_in(loaded_demo, client):
    users = get_user_model().objects.filter(username__in=DEMO_USERNAMES)
    assert users.count() == len(DEMO_USERNAMES) == len(DEMO_PEOPLE)
    for user in users:
        assert len(user.role_names & {role.value for role in Role}) == 1
        response = client.post(
            "/accounts/login/", {"login": user.username, "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302, user.username
        client.post("/accounts/logout/")


@pytest.mark.django_db
def test_demo_roles_match_the_readme(loaded_demo):
    User = get_user_model()
    assert User.objects.get(username="manager").is_manager
    assert User.objects.get(username="teacher2").is_teacher
    assert User.objects.get(username="student8").is_student
