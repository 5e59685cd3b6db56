"""Intake: who a student is, for the federal reporting tables (NRS Tables 1–3
and 6), kept apart from learning data. Read and written only by managers and
the intake staff they name (classes/access.py), audited like records, in the
student's data export and removed by erasure (classes/data_rights/).

Two parts: the person (date of birth, sex, ethnicity and race: the same in
every period of participation) and, per period of participation, the status
at entry (employment, schooling, program type, barriers to employment). Every
answer may be "declined to answer"; an unanswered question stays blank, which
the tables count as "not reported" (docs/records.md, "Intake")."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

DECLINED = "declined"
DECLINED_LABEL = _("Declined to answer")


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    DECLINED = DECLINED, DECLINED_LABEL


class Ethnicity(models.TextChoices):
    HISPANIC = "hispanic", _("Hispanic or Latino")
    NOT_HISPANIC = "not_hispanic", _("Not Hispanic or Latino")
    DECLINED = DECLINED, DECLINED_LABEL


class Race(models.TextChoices):
    """The Department of Education's race categories; a person may choose several."""

    AMERICAN_INDIAN = "american_indian", _("American Indian or Alaska Native")
    ASIAN = "asian", _("Asian")
    BLACK = "black", _("Black or African American")
    PACIFIC_ISLANDER = "pacific_islander", _("Native Hawaiian or Other Pacific Islander")
    WHITE = "white", _("White")


class Employment(models.TextChoices):
    EMPLOYED = "employed", _("Employed")
    EMPLOYED_NOTICE = "employed_notice", _("Employed, but given notice of termination")
    UNEMPLOYED = "unemployed", _("Unemployed")
    NOT_IN_LABOR_FORCE = "not_in_labor_force", _("Not in the labor force")
    DECLINED = DECLINED, DECLINED_LABEL


class Schooling(models.TextChoices):
    """Highest school level completed (NRS Table 6)."""

    NONE = "none", _("No schooling")
    GRADES_1_5 = "grades_1_5", _("Grades 1–5")
    GRADES_6_8 = "grades_6_8", _("Grades 6–8")
    GRADES_9_12 = "grades_9_12", _("Grades 9–12, no diploma")
    DIPLOMA = "diploma", _("Secondary school diploma")
    EQUIVALENCY = "equivalency", _("Secondary school equivalency")
    SOME_POSTSECONDARY = "some_postsecondary", _("Some postsecondary education, no credential")
    POSTSECONDARY = "postsecondary", _("Postsecondary or professional credential")
    DECLINED = DECLINED, DECLINED_LABEL


class WhereSchooled(models.TextChoices):
    US = "us", _("In the United States")
    ABROAD = "abroad", _("Outside the United States")
    DECLINED = DECLINED, DECLINED_LABEL


class ProgramType(models.TextChoices):
    ELA = "ela", _("English language acquisition")
    IELCE = "ielce", _("Integrated English literacy and civics education")
    IET = "iet", _("Integrated education and training")


class Barrier(models.TextChoices):
    """The thirteen barriers to employment of WIOA (NRS Table 6)."""

    DISPLACED_HOMEMAKER = "displaced_homemaker", _("Displaced homemaker")
    LOW_INCOME = "low_income", _("Low-income individual")
    NATIVE = "native", _("American Indian, Alaska Native or Native Hawaiian")
    DISABILITY = "disability", _("Individual with a disability")
    OLDER = "older", _("Older individual")
    EX_OFFENDER = "ex_offender", _("Ex-offender")
    HOMELESS = "homeless", _("Homeless individual or runaway youth")
    FOSTER_CARE = "foster_care", _("Current or former foster care youth")
    ENGLISH_LEARNER = (
        "english_learner",
        _("English language learner, low literacy or cultural barriers"),
    )
    FARMWORKER = "farmworker", _("Migrant or seasonal farmworker")
    TANF = "tanf", _("Within two years of exhausting TANF")
    SINGLE_PARENT = "single_parent", _("Single parent (including single pregnant women)")
    LONG_TERM_UNEMPLOYED = "long_term_unemployed", _("Long-term unemployed")


def _choice(choices, label):
    return models.CharField(label, max_length=24, choices=choices.choices, blank=True)


class IntakeProfile(models.Model):
    """The person, as the tables count them: the same in every period."""

    student = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="intake_profile"
    )
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    date_of_birth_declined = models.BooleanField(_("date of birth declined"), default=False)
    sex = _choice(Sex, _("sex"))
    ethnicity = _choice(Ethnicity, _("ethnicity"))
    races = models.JSONField(_("race"), default=list, blank=True)
    races_declined = models.BooleanField(_("race declined"), default=False)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("intake profile")
        # A manager grants this (through a group, learning/roles.py) to staff who
        # take intake at the front desk without being managers.
        permissions = [("manage_intake", "Can read and record students' intake")]

    def __str__(self):
        return f"intake of {self.student_id}"


class IntakeEntry(models.Model):
    """The student's status when they entered the program: one per period of
    participation, dated by the day it describes (the period's first day)."""

    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="intake_entries"
    )
    entry_date = models.DateField(_("entry date"))
    employment = _choice(Employment, _("employment status at entry"))
    schooling = _choice(Schooling, _("highest school level completed"))
    schooled_in = _choice(WhereSchooled, _("where that schooling was"))
    program_type = _choice(ProgramType, _("program type"))
    barriers = models.JSONField(_("barriers to employment"), default=list, blank=True)
    barriers_declined = models.BooleanField(_("barriers declined"), default=False)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("intake at entry")
        verbose_name_plural = _("intake at entry")
        ordering = ["student", "-entry_date"]
        constraints = [
            models.UniqueConstraint(fields=["student", "entry_date"], name="one_intake_per_entry")
        ]

    def __str__(self):
        return f"intake of {self.student_id} at {self.entry_date}"
