"""Emailing a packet to a class: one message per student whose channel is email
(classes/contact.py: a verified address, and not on paper), to that verified
address; logged once per sending. Students on paper and students without a
verified address are listed back to the teacher, who reaches them another way.
Messages go into the outbox (learning/outbox.py) in the same transaction as the
log, so the class page can say per student: waiting, sent or failed."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from classes.contact import Channel, channel_of, with_verified_email
from classes.models import Class, Enrollment, PacketMailing
from learning.models import OutgoingEmail, User
from learning.once import made_once
from learning.outbox import one_line, queue_email, retry
from packets.models import AssignmentPage, PacketPage


@dataclass
class Sending:
    mailing: PacketMailing
    already_sent: bool
    without_email: list
    on_paper: list


def packets_for_level(level):
    # Listed by title and number: their stream fields are read only when sent.
    return (
        PacketPage.objects.live().in_levels([level]).defer_streamfields().order_by("-number", "-pk")
    )


def assignments_of(packet):
    return list(
        AssignmentPage.objects.live()
        .in_packets([packet])
        .order_by(F("due_date").asc(nulls_last=True), "title")
    )


def build_message(student, address, class_, packet, packet_url, assignments):
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
    message = EmailMultiAlternatives(subject, text, to=[address])
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
    by_channel = students_by_channel(class_)
    with_email = by_channel[Channel.EMAIL]
    without_email, on_paper = by_channel[Channel.MESSAGING], by_channel[Channel.PAPER]
    assignments = assignments_of(packet)

    def make():
        mailing = PacketMailing.objects.create(
            cohort=class_,
            packet=packet,
            packet_title=packet.title,
            sent_by=by,
            sent_at=timezone.now(),
            recipient_count=len(with_email),
            without_email_count=len(without_email) + len(on_paper),
            token=token,
        )
        for student, address in with_email:
            message = build_message(student, address, class_, packet, packet_url, assignments)
            queue_email(message, recipient=student, topic=mailing.outbox_topic)
        return mailing

    mailing, created = made_once(PacketMailing.objects.filter(token=token).first, make)
    return Sending(mailing, not created, without_email, on_paper)


def students_by_channel(class_):
    """The class's active students by channel: email as (student, verified
    address) pairs — never User.email as typed, which may be an address another
    account verified — and paper and messaging-only as students."""
    enrollments = with_verified_email(
        Enrollment.objects.active().for_class(class_).select_related("student")
    ).order_by("student__display_name", "student__username")
    grouped = {channel: [] for channel in Channel}
    emailed = []
    for enrollment in enrollments:
        channel = channel_of(enrollment)
        grouped[channel].append(enrollment.student)
        if channel == Channel.EMAIL:
            emailed.append(enrollment.student)
    addresses = verified_addresses(emailed)
    grouped[Channel.EMAIL] = [(s, addresses[s.pk]) for s in emailed]
    return grouped


def verified_addresses(students):
    """{student id: verified address}, the primary one first; one query."""
    found = {}
    rows = EmailAddress.objects.filter(user__in=students, verified=True).order_by("-primary", "pk")
    for user_id, email in rows.values_list("user_id", "email"):
        found.setdefault(user_id, email)
    return found


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
