"""Dates in the reader's language: month and day names in Dari, Pashto and
Haitian Creole (Django has none), and the month after a day in Ukrainian in
the genitive ("3 грудня", not "3 Грудень")."""

from datetime import date

import pytest
from django.template import Context, Template
from django.utils import translation

THURSDAY = date(2026, 12, 3)


def shown(language, format_):
    with translation.override(language):
        return Template("{{ day|date:format }}").render(
            Context({"day": THURSDAY, "format": format_})
        )


@pytest.mark.parametrize(
    ("language", "long_date", "date_format"),
    [
        ("prs", "پنجشنبه 3 دسمبر 2026", "3 دسمبر 2026"),
        ("ps", "پنجشنبه 3 دسمبر 2026", "3 دسمبر 2026"),
        ("ht", "Jedi 3 desanm 2026", "3 desanm 2026"),
        ("uk", "Четвер 3 грудня 2026", "03 грудня 2026 р."),
        ("es", "Jueves 3 diciembre 2026", "3 de diciembre de 2026"),
    ],
)
def test_dates_are_written_in_the_readers_language(language, long_date, date_format):
    assert shown(language, "l j E Y") == long_date
    assert shown(language, "DATE_FORMAT") == date_format


def test_english_stays_english():
    assert shown("en", "l j E Y") == "Thursday 3 December 2026"
