from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail import views as wagtail_views

from packets import page_cache
from packets.privacy import viewable
from packets.search import find_packets, packet_topics


class PacketSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    topic = forms.SlugField(label=_("Topic"), required=False, max_length=100)


@login_required
def packet_finder(request):
    """Teachers and managers find packets from every level to reuse them."""
    if not (request.user.is_teacher or request.user.is_manager):
        raise PermissionDenied
    form = PacketSearchForm(request.GET or None)
    packets = None
    if form.is_valid():
        found = find_packets(form.cleaned_data["q"], form.cleaned_data["topic"])
        packets = viewable(request, found)
    context = {"form": form, "packets": packets, "topics": packet_topics()}
    return render(request, "packets/packet_finder.html", context)


def serve_packet_page(request, path):
    """Wagtail's page view, answered from the packet page cache when it can be."""
    return page_cache.cached_response(request, path) or wagtail_views.serve(request, path)
