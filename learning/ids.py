"""Reading ids and small whole numbers from URLs, forms and frames.

`str.isdigit()` is true for "²" and other Unicode digits that `int()` refuses,
and a 23-digit id overflows the database's integers: both were 500s. Everything
that reads a number from a person goes through these."""

import re

from django import forms

# Database ids are 64-bit: 18 digits always fit.
MAX_ID_DIGITS = 18
ASCII_NUMBER = re.compile(rf"[0-9]{{1,{MAX_ID_DIGITS}}}")


def parse_number(text):
    """A whole number ≥ 0 written in ASCII digits (at most 18), else None."""
    if isinstance(text, int) and not isinstance(text, bool):
        return text if 0 <= text < 10**MAX_ID_DIGITS else None
    if not isinstance(text, str):
        return None
    text = text.strip()
    return int(text) if ASCII_NUMBER.fullmatch(text) else None


class IdConverter:
    """`<id:name>` in URL patterns: like `<id:…>`, but an id too large for the
    database is a 404 (no such page) instead of an overflow."""

    regex = ASCII_NUMBER.pattern

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


class NotIdConverter:
    """`<not_id:name>`: a path segment that is *not* an id. Put before a route
    of Wagtail's that hands the segment to the database as it is (`<str:pk>`),
    with a view answering 404: an id goes on to Wagtail's route."""

    regex = "[^/]+"

    def to_python(self, value):
        if parse_number(value) is not None:
            raise ValueError("an id: for the next route")
        return value

    def to_url(self, value):
        return str(value)


# More digits (in any script, as `\d` reads them) than an id has: Wagtail's
# `\d+` routes pass them to int(), which refuses more than 4300 (a 500).
TOO_LONG_FOR_AN_ID = rf"\d{{{MAX_ID_DIGITS + 1},}}"


class ModelIdChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField that refuses ids the database cannot hold with the
    field's own "no such choice" message."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if parse_number(str(value)) is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class ModelIdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """The same for several choices (checkboxes)."""

    def _check_values(self, value):
        for pk in value or ():
            if parse_number(str(pk)) is None:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super()._check_values(value)


# The largest id a form field may carry (ids are 64-bit in the database).
MAX_ID = 10**MAX_ID_DIGITS - 1
