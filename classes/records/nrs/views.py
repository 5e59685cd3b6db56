"""`/records/nrs/?year=<first calendar year>`: NRS Tables 1–4, 4B, 4C and 6 for a
program year, for managers (docs/records.md, "NRS tables")."""

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from classes.records.access import require_manager
from classes.records.nrs.demographics import table_1, table_2, table_3, table_6
from classes.records.nrs.outcomes import table_4, table_4b, table_4c
from classes.records.nrs.people import year_people
from classes.records.rules import nrs_rules, program_year
from learning.roles import Role

EARLIEST_YEAR = 2000


def chosen_year(raw, rules, today):
    """The program year starting in calendar year `raw` ("" = this one); None if
    `raw` is not a year Harbor can hold records for."""
    current = program_year(today, rules)
    if not raw:
        return current
    if not raw.isdigit() or not EARLIEST_YEAR <= int(raw) <= current.first_day.year:
        return None
    month, day = rules.program_year_start
    return program_year(current.first_day.replace(year=int(raw), month=month, day=day), rules)


@login_required
def nrs_tables(request):
    require_manager(request.user)
    rules, today = nrs_rules(), timezone.localdate()
    year = chosen_year(request.GET.get("year", ""), rules, today)
    if year is None:
        return HttpResponseBadRequest(
            _("Choose a program year by the calendar year it starts in, up to this one."),
            content_type="text/plain; charset=utf-8",
        )
    students = get_user_model().objects.filter(groups__name=Role.STUDENT).values("pk")
    people = year_people(year, students, today=today, rules=rules)
    participants = people.participants
    context = {
        "year": year,
        "years": range(program_year(today, rules).first_day.year, EARLIEST_YEAR - 1, -1)[:6],
        "participants": len(participants),
        "reportable": len(people.reportable_individuals),
        "tables": [table_1(participants), table_2(participants), table_3(participants)],
        "outcome_tables": [
            table_4(participants),
            table_4b(participants),
            table_4c(participants, rules.distance_share),
        ],
        "status_tables": table_6(participants),
    }
    return render(request, "records/nrs_tables.html", context)
