"""`/records/nrs/?year=<first calendar year>`: NRS Tables 1–4, 4B, 4C and 6 for a
program year, for managers, and the snapshots that freeze them as submitted
(docs/records.md, "NRS tables")."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from classes.models import NrsSnapshot
from classes.records.access import require_manager
from classes.records.catalog import FORMER_ESL_SUNSET, former_tests_still_counted
from classes.records.nrs.figures import year_figures
from classes.records.nrs.links import interchange_links, table_links, with_links
from classes.records.nrs.snapshots import freeze, snapshot_figures
from classes.records.rules import nrs_rules, program_year

EARLIEST_YEAR = 2000


def chosen_year(raw, rules, today):
    """The program year starting in calendar year `raw` ("" = this one); None if
    `raw` is not a year Harbor can hold records for."""
    current = program_year(today, rules)
    if not raw:
        return current
    # ASCII digits only: "²".isdigit() and Arabic-Indic digits are digits too.
    if not (raw.isascii() and raw.isdigit() and len(raw) == 4):
        return None
    if not EARLIEST_YEAR <= int(raw) <= current.first_day.year:
        return None
    month, day = rules.program_year_start
    return program_year(current.first_day.replace(year=int(raw), month=month, day=day), rules)


def bad_year():
    return HttpResponseBadRequest(
        _("Choose a program year by the calendar year it starts in, up to this one."),
        content_type="text/plain; charset=utf-8",
    )


def page(request, year, figures, **extra):
    rules, today = nrs_rules(), timezone.localdate()
    links = table_links(year, extra.get("snapshot"))
    context = {
        "year": year,
        "years": range(program_year(today, rules).first_day.year, EARLIEST_YEAR - 1, -1)[:6],
        "figures": figures,
        "tables": with_links(figures.tables, links),
        "outcome_tables": with_links(figures.outcome_tables, links),
        "status_tables": with_links(figures.status_tables, links),
        "interchange": interchange_links(year),
        **extra,
    }
    return render(request, "records/nrs_tables.html", context)


@login_required
def nrs_tables(request):
    require_manager(request.user)
    rules, today = nrs_rules(), timezone.localdate()
    year = chosen_year(request.GET.get("year", ""), rules, today)
    if year is None:
        return bad_year()
    snapshots = NrsSnapshot.objects.filter(year_start=year.first_day).select_related("taken_by")
    return page(
        request,
        year,
        year_figures(year, today, rules),
        snapshots=snapshots,
        outdated_tests=former_tests_still_counted(year),
        sunset=FORMER_ESL_SUNSET,
    )


NOTE_LENGTH = NrsSnapshot._meta.get_field("note").max_length


@login_required
@require_POST
def freeze_tables(request):
    require_manager(request.user)
    rules, today = nrs_rules(), timezone.localdate()
    raw_year, note = request.POST.get("year", ""), request.POST.get("note", "")
    year = chosen_year(raw_year, rules, today) if raw_year else None
    if year is None:
        return bad_year()
    if len(note) > NOTE_LENGTH:
        return HttpResponseBadRequest(
            _("The note is at most %(length)s characters.") % {"length": NOTE_LENGTH},
            content_type="text/plain; charset=utf-8",
        )
    snapshot = freeze(year, by=request.user, note=note, today=today, rules=rules)
    return redirect("records:nrs_snapshot", snapshot.pk)


@login_required
def snapshot_page(request, snapshot_id):
    require_manager(request.user)
    snapshot = get_object_or_404(NrsSnapshot.objects.select_related("taken_by"), pk=snapshot_id)
    year = program_year(snapshot.year_start, nrs_rules())
    return page(request, year, snapshot_figures(snapshot), snapshot=snapshot)
