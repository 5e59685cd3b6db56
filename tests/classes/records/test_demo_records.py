import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from classes.models import Assessment, Class, IntakeProfile
from classes.records.figures import classes_in_period, load_records, total_figures
from classes.records.filters import current_term
from classes.records.nrs.figures import year_figures
from classes.records.period_data import periods_by_student
from classes.records.rules import nrs_rules, program_year


@pytest.mark.django_db
def test_the_demo_has_pre_and_post_tests_with_and_without_gains_once(loaded_demo):
    assert Assessment.objects.pre_tests().count() == 9  # student9 too
    assert Assessment.objects.post_tests().count() == 6
    term = current_term()
    total = total_figures(load_records(classes_in_period(Class.objects.all(), term), term))
    assert total.active_students == 9  # and the distance learner
    assert total.participants > 0
    assert total.post_tested == 6
    assert 0 < total.gains < total.post_tested  # some gains, and post-tests without one


@pytest.mark.django_db
def test_the_demo_has_students_who_exited_and_came_back(loaded_demo):
    people = dict(get_user_model().objects.values_list("username", "pk"))
    found = periods_by_student([people["student3"], people["student4"], people["student1"]])
    earlier, current = found[people["student3"]]
    assert earlier.exit_date is not None and earlier.is_participant
    assert current.start > earlier.exit_date
    once, _again = found[people["student4"]]
    assert once.hours == 4 and not once.is_participant  # a reportable individual
    assert len(found[people["student1"]]) == 1


@pytest.mark.django_db
def test_the_demo_has_a_distance_learner_in_table_4c_of_the_current_year(loaded_demo):
    rosa = get_user_model().objects.get(username="student9")
    (period,) = periods_by_student([rosa.pk])[rosa.pk]
    assert period.proxy_hours > period.contact_hours  # mostly home study
    assert period.is_participant and period.is_distance_learner(nrs_rules())
    assert period.proxy_hours == 8 and period.contact_hours <= 4
    rules = nrs_rules()
    today = timezone.localdate()
    figures = year_figures(program_year(today, rules), today, rules)
    table_4c = next(t for t in figures.outcome_tables if t.number == "4C")
    *_levels, (_key, _label, total) = table_4c.rows
    assert total[0] >= 1  # participants who are distance learners
    # Her intake is taken too: the federal tables describe every demo student.
    assert IntakeProfile.objects.filter(student=rosa).exists()
    assert rosa.intake_entries.count() == 1
