"""Emailing a packet to a class: one message per student with an email address,
logged once per sending; students without email are listed back to the teacher."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from classes.models import Class, Enrollment, PacketMailing
from learning.models import User
from packets.models import AssignmentPage, PacketPage


@dataclass
class Sending:
    mailing: PacketMailing
    already_sent: bool
    without_email: list


def packets_for_level(level):
    return PacketPage.objects.live().child_of(level).order_by("-number", "-pk")


def assignments_of(packet):
    return list(
        AssignmentPage.objects.live()
        .child_of(packet)
        .order_by(F("due_date").asc(nulls_last=True), "title")
    )


def build_message(student, class_, packet, packet_url, assignments):
    context = {
        "student": student,
        "class": class_,
        "packet": packet,
        "packet_url": packet_url,
        "assignments": assignments,
    }
    with translation.override(student.preferred_language):
        subject = _("%(class)s: %(packet)s") % {"class": class_.name, "packet": packet.title}
        text = render_to_string("classes/email/packet.txt", context)
        html = render_to_string("classes/email/packet.html", context)
    message = EmailMultiAlternatives(subject, text, to=[student.email])
    message.attach_alternative(html, "text/html")
    return message


def send_packet(
    class_: Class, packet: PacketPage, *, by: User, token: str, packet_url: str
) -> Sending:
    """Email a packet of the class's level to its active students.

    `token` is the one-time value of the form that asked: posting the same form
    twice (a double click) finds the first sending and sends nothing more.
    Mail leaves after the log is committed."""
    if not packets_for_level(class_.level).filter(pk=packet.pk).exists():
        raise ValidationError(_("That packet is not for this class's level."))
    students = [
        e.student for e in Enrollment.objects.active().for_class(class_).select_related("student")
    ]
    with_email = [s for s in students if s.email]
    without_email = [s for s in students if not s.email]
    earlier = PacketMailing.objects.filter(token=token).first()
    if earlier is not None:
        return Sending(earlier, True, without_email)
    try:
        with transaction.atomic():
            mailing = PacketMailing.objects.create(
                cohort=class_,
                packet=packet,
                packet_title=packet.title,
                sent_by=by,
                sent_at=timezone.now(),
                recipient_count=len(with_email),
                without_email_count=len(without_email),
                token=token,
            )
    except IntegrityError:  # the other click won the race
        return Sending(PacketMailing.objects.get(token=token), True, without_email)
    assignments = assignments_of(packet)
    messages = [build_message(s, class_, packet, packet_url, assignments) for s in with_email]
    transaction.on_commit(lambda: get_connection().send_messages(messages))
    return Sending(mailing, False, without_email)
