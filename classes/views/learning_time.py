"""The clock-time beacon: POST /learning-time/ (classes/clock_time.py)."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.http import require_POST

from classes.access import may_record_study_time, may_time_packet
from classes.clock_time import record_time
from classes.models import StudyKind
from packets.models import PacketPage
from packets.privacy import page_access

# A beacon claims at most an hour: anything larger is not a page's measure.
MOST_SECONDS = 3600


class BeaconForm(forms.Form):
    packet = forms.IntegerField(min_value=1, max_value=2**31 - 1)
    kind = forms.ChoiceField(choices=StudyKind.choices)
    seconds = forms.IntegerField(min_value=1, max_value=MOST_SECONDS)


@login_required
@require_POST
def learning_time(request):
    """A page's beacon: the student's active seconds since the last one. 204
    when read (whatever the rules counted), 400 for a malformed beacon, 403
    for anyone but a student who may read the packet, 404 for no such packet."""
    if not may_record_study_time(request.user):
        raise PermissionDenied
    form = BeaconForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest()
    packet = PacketPage.objects.filter(pk=form.cleaned_data["packet"]).first()
    if packet is None:
        return HttpResponse(status=404)
    if not may_time_packet(request.user, packet, page_access(request)):
        raise PermissionDenied
    record_time(request.user, packet, form.cleaned_data["kind"], form.cleaned_data["seconds"])
    return HttpResponse(status=204)
