"""Choosing the language of a class's shared messages (classes/sharing.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from classes.forms import ShareLanguageForm
from classes.sharing import choose_share_language
from classes.views.access import taught_class


@login_required
def edit_share_language(request, class_id):
    """The class's teachers and managers; GET shows the choices, POST saves one."""
    class_ = taught_class(request, class_id)
    initial = {"share_language": class_.share_language}
    form = ShareLanguageForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        choose_share_language(class_, form.cleaned_data["share_language"])
        messages.success(request, _("The language of shared messages was saved."))
        return redirect(class_.get_absolute_url())
    status = 400 if form.errors else 200
    context = {"class": class_, "form": form}
    return render(request, "classes/share_language_form.html", context, status=status)
