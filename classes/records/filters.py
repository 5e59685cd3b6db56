"""The period, level and class that a records page or export covers.

Read from the query string (`?start=2026-09-01&end=2026-12-18&level=4&class=7`);
every field is optional. Bad input (an unknown level, an end before the start, a
malformed date) is reported as a form error, never a server error, and the page
falls back to the default period so it still shows something useful.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from classes.models import Class
from learning.ids import ModelIdChoiceField
from learning.validators import plausible_date
from packets.models import LevelPage

# Without any class running today, the default period is the last this many days.
FALLBACK_DAYS = 90


@dataclass(frozen=True)
class Period:
    first_day: date
    last_day: date

    @property
    def days(self):
        return (self.last_day - self.first_day).days + 1


def current_term(today=None) -> Period:
    """The term running today: from the earliest start to the latest end of the
    classes whose term includes today; else the last FALLBACK_DAYS days."""
    today = today or timezone.localdate()
    running = Class.objects.current(today)
    starts = sorted(running.values_list("term_start", flat=True))
    ends = sorted(running.values_list("term_end", flat=True))
    if not starts:
        return Period(today - timedelta(days=FALLBACK_DAYS - 1), today)
    return Period(starts[0], ends[-1])


def date_field(label):
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput({"type": "date"}),
        error_messages={"invalid": _("Enter a date like 2026-09-01.")},
        validators=[plausible_date],
    )


class RecordsFilterForm(forms.Form):
    start = date_field(_("From"))
    end = date_field(_("To"))
    level = ModelIdChoiceField(
        label=_("Level"),
        queryset=LevelPage.objects.order_by("nrs_level", "title"),
        required=False,
        empty_label=_("All levels"),
        error_messages={"invalid_choice": _("There is no such level.")},
    )
    class_ = ModelIdChoiceField(
        label=_("Class"),
        queryset=Class.objects.none(),
        required=False,
        empty_label=_("All classes"),
        error_messages={"invalid_choice": _("There is no such class, or it is not yours.")},
    )

    def __init__(self, data=None, *, classes, today=None, **kwargs):
        """`classes` are the classes the viewer may see (all for managers)."""
        data = rename_class_field(data)
        super().__init__(data, **kwargs)
        self.fields["class_"].queryset = classes
        self.default_period = current_term(today)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            raise ValidationError(_("The end date is before the start date."), code="order")
        # One date alone is completed from the default period: it must still fit.
        if end and not start and end < self.default_period.first_day:
            raise ValidationError(
                _("The end date is before the start of the current term: choose a start date."),
                code="order",
            )
        if start and not end and start > self.default_period.last_day:
            raise ValidationError(
                _("The start date is after the end of the current term: choose an end date."),
                code="order",
            )
        self.check_length(start, end)
        return data

    def check_length(self, start, end):
        """The work of a records page grows with its weeks: at most
        HARBOR_RECORDS_MAX_DAYS (two years by default) at once."""
        first = start or self.default_period.first_day
        last = end or self.default_period.last_day
        if (last - first).days + 1 > settings.HARBOR_RECORDS_MAX_DAYS:
            raise ValidationError(
                _("Choose a period of at most %(days)s days: records are read a period at a time.")
                % {"days": settings.HARBOR_RECORDS_MAX_DAYS},
                code="too_long",
            )

    def period(self) -> Period:
        """The chosen period, or the default (the current term) for what is missing
        or invalid."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        first = data.get("start") or self.default_period.first_day
        last = data.get("end") or self.default_period.last_day
        if last < first:
            return self.default_period
        return Period(first, last)

    def chosen(self, name):
        """The chosen level or class, or None (also when the input was bad)."""
        if not (self.is_bound and self.is_valid()):
            return None
        return self.cleaned_data.get(name)


def rename_class_field(data):
    """`class` is the URL parameter; `class_` the field (`class` is a keyword)."""
    if data is None or "class" not in data:
        return data
    data = data.copy()
    data["class_"] = data.pop("class")[-1] if hasattr(data, "getlist") else data.pop("class")
    return data
