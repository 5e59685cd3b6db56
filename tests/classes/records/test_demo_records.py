import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from classes.models import Assessment, Class
from classes.records.figures import classes_in_period, load_records, total_figures
from classes.records.filters import current_term
from classes.records.period_data import periods_by_student


@pytest.mark.django_db
def test_the_demo_has_pre_and_post_tests_with_and_without_gains_once():
    call_command("demo", stdout=None)
    call_command("demo", stdout=None)
    assert Assessment.objects.pre_tests().count() == 8
    assert Assessment.objects.post_tests().count() == 6
    term = current_term()
    total = total_figures(load_records(classes_in_period(Class.objects.all(), term), term))
    assert total.active_students == 8
    assert total.participants > 0
    assert total.post_tested == 6
    assert 0 < total.gains < total.post_tested  # some gains, and post-tests without one


@pytest.mark.django_db
def test_the_demo_has_students_who_exited_and_came_back():
    call_command("demo", stdout=None)
    call_command("demo", stdout=None)
    people = dict(get_user_model().objects.values_list("username", "pk"))
    found = periods_by_student([people["student3"], people["student4"], people["student1"]])
    earlier, current = found[people["student3"]]
    assert earlier.exit_date is not None and earlier.is_participant
    assert current.start > earlier.exit_date
    once, _again = found[people["student4"]]
    assert once.hours == 4 and not once.is_participant  # a reportable individual
    assert len(found[people["student1"]]) == 1
