import pytest
from django.core.management import call_command

from classes.models import Assessment, Class
from classes.records.figures import classes_in_period, load_records, total_figures
from classes.records.filters import current_term


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
