"""Emailing a packet to the class."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from classes.forms import SendPacketForm
from classes.mailing import packets_for_level, retry_failed, send_packet
from classes.views.access import taught_class


@login_required
@require_POST
def send_packet_view(request, class_id):
    class_ = taught_class(request, class_id)
    packets = list(packets_for_level(class_.level))
    form = SendPacketForm(request.POST, packets=packets)
    if not form.is_valid():
        messages.error(request, _("Choose a packet of this class's level."))
        return redirect(class_.get_absolute_url())
    packet = next(p for p in packets if p.pk == form.cleaned_data["packet"])
    try:
        sending = send_packet(
            class_,
            packet,
            by=request.user,
            token=form.cleaned_data["token"],
            packet_url=request.build_absolute_uri(packet.get_url(request)),
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(class_.get_absolute_url())
    context = {"class": class_, "sending": sending, "packet": packet}
    return render(request, "classes/packet_sent.html", context)


@login_required
@require_POST
def retry_mailing_view(request, class_id, mailing_id):
    class_ = taught_class(request, class_id)
    mailing = get_object_or_404(class_.mailings, pk=mailing_id)
    count = retry_failed(mailing)
    messages.success(
        request,
        ngettext(
            "%(count)s email is waiting to be sent again.",
            "%(count)s emails are waiting to be sent again.",
            count,
        )
        % {"count": count},
    )
    return redirect(class_.get_absolute_url())
