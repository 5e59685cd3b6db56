"""The demo records its results on the former ESL tests (the score tables Harbor
has) in the current year: for trying Harbor only, its catalog keeps them
approved, and the NRS page says so as it would to a real program."""

import pytest
from django.contrib.auth import get_user_model

from classes.models import Class, TestInstrument
from classes.records.figures import classes_in_period, load_records, total_figures
from classes.records.filters import current_term
from tests.factories import FORMER_ESL_TESTS

pytestmark = pytest.mark.django_db


def test_the_demos_results_count_and_its_nrs_page_warns_of_the_open_approval(loaded_demo, client):
    assert not TestInstrument.objects.filter(
        code__in=FORMER_ESL_TESTS, approved_until__isnull=False
    ).exists()
    term = current_term()
    total = total_figures(load_records(classes_in_period(Class.objects.all(), term), term))
    assert total.post_tested == 6 and total.gains > 0
    client.force_login(get_user_model().objects.get(username="manager"))
    page = client.get("/records/nrs/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "The test catalog is out of date for this year." in page
