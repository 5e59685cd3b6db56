"""Standardized levels: a program names its levels its own way, but records stay
comparable because every level also carries its NRS ESL level and CEFR band."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NRSLevel(models.IntegerChoices):
    """The six ESL educational functioning levels of the US National Reporting System."""

    BEGINNING_LITERACY = 1, _("Beginning ESL Literacy")
    LOW_BEGINNING = 2, _("Low Beginning ESL")
    HIGH_BEGINNING = 3, _("High Beginning ESL")
    LOW_INTERMEDIATE = 4, _("Low Intermediate ESL")
    HIGH_INTERMEDIATE = 5, _("High Intermediate ESL")
    ADVANCED = 6, _("Advanced ESL")


class CEFRBand(models.TextChoices):
    PRE_A1 = "pre-A1", _("Pre-A1")
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    C1 = "C1", "C1"


class AssignmentKind(models.TextChoices):
    WRITTEN = "written", _("Written answer")
    PHOTO = "photo", _("Photo of paper work")
    AUDIO = "audio", _("Audio recording")
    QUIZ = "quiz", _("Short quiz")
