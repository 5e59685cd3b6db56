"""A person's own notices: the list, opening one, marking all read, settings.
Everyone signed in has these pages, each about themselves only: another
person's notice is a 404, whoever asks."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from classes.models import Notice, NoticeSettings
from classes.notices.forms import NoticeSettingsForm
from classes.notices.kinds import call_link, worded
from classes.notices.preferences import channels_of, has_verified_address
from classes.notices.services import mark_all_read, mark_read, save_settings
from learning.redirects import safe_target

PAGE_SIZE = 20


@login_required
@require_safe
def notice_list(request):
    notices = Notice.objects.for_reader(request.user).newest_first().select_related("email")
    page = Paginator(notices, PAGE_SIZE).get_page(request.GET.get("page"))
    shown = [
        {"notice": n, "text": worded(n, html=True), "call": call_link(n)} for n in page.object_list
    ]
    return render(request, "notices/notice_list.html", {"page": page, "shown": shown})


@login_required
@require_safe
def open_notice(request, notice_id):
    """Opening a notice reads it, then leads where it points (or back to the list)."""
    notice = get_object_or_404(Notice.objects.for_reader(request.user), pk=notice_id)
    mark_read(notice)
    return redirect(safe_target(request, notice.link, "notices:list"))


@login_required
@require_POST
def read_all(request):
    if mark_all_read(request.user):
        messages.success(request, _("All your notices are marked read."))
    return redirect("notices:list")


@login_required
def notice_settings(request):
    user = request.user
    has_email = has_verified_address(user)
    stored = NoticeSettings.objects.filter(user=user).first()
    initial = {
        **channels_of(user, stored, has_email),
        "daily_digest": bool(stored and stored.daily_digest),
    }
    form = NoticeSettingsForm(request.POST or None, initial=initial, has_email=has_email)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            save_settings(user, form.channels(), form.cleaned_data["daily_digest"])
            messages.success(request, _("Your notice settings are saved."))
            return redirect("notices:settings")
        status = 400
    context = {"form": form, "rows": form.rows(), "has_email": has_email}
    return render(request, "notices/notice_settings.html", context, status=status)
