"""How each student of a class gets the class's news and packets: by email (a
verified address), on paper (the teacher prints their packets and hands them
out), or otherwise only through Harbor's messages and the class chat.

The paper choice is kept on the enrollment, not the person: paper is printed and
handed out by the teacher of one class, and a student may get paper in their
in-person class and email in another."""

from allauth.account.models import EmailAddress
from django.db import models, transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from classes.models import Enrollment


class Channel(models.TextChoices):
    EMAIL = "email", _("Email")
    MESSAGING = "messaging", _("Messaging only")
    PAPER = "paper", _("Paper")


def with_verified_email(enrollments):
    """Annotate `has_verified_email` in the enrollments' own query (no query more)."""
    verified = EmailAddress.objects.filter(user_id=OuterRef("student_id"), verified=True)
    return enrollments.annotate(has_verified_email=Exists(verified))


def channel_of(enrollment) -> Channel:
    """Paper, when the teacher chose it; else email with a verified address; else
    messaging only. `enrollment` comes annotated by with_verified_email."""
    if enrollment.paper_packets:
        return Channel.PAPER
    if enrollment.has_verified_email:
        return Channel.EMAIL
    return Channel.MESSAGING


@transaction.atomic
def set_paper_packets(enrollment: Enrollment, paper: bool) -> Enrollment:
    enrollment.paper_packets = paper
    enrollment.save(update_fields=["paper_packets"])
    return enrollment
