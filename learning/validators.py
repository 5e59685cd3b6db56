"""Validators shared by every app's forms and models."""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

# Line breaks and other control characters: a name or title ends up in one-line
# places (mail subjects and headers, CSV cells, page titles) that they break.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")

one_line = RegexValidator(
    CONTROL_CHARACTERS,
    message=_("Write this on one line, without line breaks."),
    code="line_break",
    inverse_match=True,
)


# Dates people type (terms, sessions, tests, report periods) stay in this range:
# date arithmetic on them (weeks, the day after) then never leaves Python's dates.
FIRST_DATE = date(2000, 1, 1)
LAST_DATE = date(2099, 12, 31)


def plausible_date(value):
    if value is not None and not FIRST_DATE <= value <= LAST_DATE:
        raise ValidationError(
            _("Enter a date between %(first)s and %(last)s.")
            % {"first": FIRST_DATE.isoformat(), "last": LAST_DATE.isoformat()},
            code="date_range",
        )
