"""Changing where a class meets (online, in person, hybrid; its room and address)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from classes.forms import PlaceForm
from classes.place import PLACE_FIELDS, change_place
from classes.views.access import taught_class


@login_required
def edit_place(request, class_id):
    """The class's teachers and managers; GET shows the form, POST saves it."""
    class_ = taught_class(request, class_id)
    initial = {name: getattr(class_, name) for name in PLACE_FIELDS}
    form = PlaceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        change_place(class_, **form.cleaned_data)
        messages.success(request, _("Where the class meets was saved."))
        return redirect(class_.get_absolute_url())
    status = 400 if form.errors else 200
    return render(
        request, "classes/place_form.html", {"class": class_, "form": form}, status=status
    )
