"""The demo refuses a production database (a module of its own: the other demo
tests share one loaded demo, tests/conftest.py `loaded_demo`)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command


@pytest.mark.django_db
def test_demo_refuses_when_not_allowed(settings):
    settings.HARBOR_DEMO_ALLOWED = False
    with pytest.raises(CommandError, match="not for production"):
        call_command("demo")
    assert not get_user_model().objects.exists()
