"""Validators shared by every app's forms and models."""

import re

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
