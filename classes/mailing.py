"""Emailing a packet to a class: one message per student with an email address,
logged once per sending; students without email are listed back to the teacher.
Messages go into the outbox (learning/outbox.py) in the same transaction as the
log, so the class page can say per student: waiting, sent or failed."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from classes.models import Class, Enrollment, PacketMailing
from learning.models import OutgoingEmail, User
from learning.outbox import one_line, queue_email, retry
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
        subject = one_line(
            _("%(class)s: %(packet)s") % {"class": class_.name, "packet": packet.title}
        )
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
    assignments = assignments_of(packet)
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
            for student in with_email:
                message = build_message(student, class_, packet, packet_url, assignments)
                queue_email(message, recipient=student, topic=mailing.outbox_topic)
    except IntegrityError:  # the other click won the race
        return Sending(PacketMailing.objects.get(token=token), True, without_email)
    return Sending(mailing, False, without_email)


def delivery_of(mailings):
    """Each mailing with `.deliveries`: its messages (recipient, status) by name,
    and `.counts`: {status: number}; one query for all of them."""
    by_topic = {m.outbox_topic: m for m in mailings}
    for mailing in mailings:
        mailing.deliveries, mailing.counts = [], {}
    emails = (
        OutgoingEmail.objects.filter(topic__in=by_topic)
        .select_related("recipient")
        .order_by("recipient__display_name", "recipient__username")
    )
    for email in emails:
        mailing = by_topic[email.topic]
        mailing.deliveries.append(email)
        mailing.counts[email.status] = mailing.counts.get(email.status, 0) + 1
    return mailings


def retry_failed(mailing):
    return retry(OutgoingEmail.objects.filter(topic=mailing.outbox_topic))
