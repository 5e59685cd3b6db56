"""The first-sign-in steps (rules: steps.py) and the picture guide."""

from allauth.account.internal.flows.password_change import finalize_password_set
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language_info
from django.views.decorators.http import require_safe

from learning.languages import LANGUAGES, set_language_cookie
from learning.welcome.forms import LanguageForm, NewPasswordForm
from learning.welcome.guide import PANELS, panel_named
from learning.welcome.steps import Step, after_password, language_chosen, owed_step, steps_for


def step_context(user, step):
    steps = steps_for(user)
    return {"step_number": steps.index(step) + 1, "step_count": len(steps)}


@login_required
def choose_language(request):
    """Step 1: every interface language in its own name; one tap chooses it."""
    user = request.user
    form = LanguageForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        code = form.cleaned_data["language"]
        language_chosen(user, request.session, code)
        step = owed_step(user, request.session)
        response = redirect(step.url if step else "/")
        set_language_cookie(response, code)
        return response
    context = {
        "form": form,
        "languages": [get_language_info(code) for code, _name in LANGUAGES],
        "chosen": user.preferred_language,
        **step_context(user, Step.LANGUAGE),
    }
    return render(request, "welcome/language.html", context, status=400 if form.errors else 200)


@login_required
def choose_password(request):
    """Step 2: a password of their own. Someone whose password is already their
    own changes it on allauth's page, which asks for the current one."""
    user = request.user
    if not user.password_is_temporary:
        return redirect("account_change_password")
    form = NewPasswordForm(user=user, data=request.POST if request.method == "POST" else None)
    if form.is_valid():
        form.save()  # through the adapter, which clears password_is_temporary
        finalize_password_set(request, user)  # stay signed in; "Password successfully set."
        return redirect(after_password(user))
    context = {"form": form, **step_context(user, Step.PASSWORD)}
    return render(request, "welcome/password.html", context, status=400 if form.errors else 200)


@login_required
@require_safe
def guide(request, panel=PANELS[0].name):
    """The picture guide, one panel a page; after the last, home."""
    found = panel_named(panel)
    if found is None:
        raise Http404
    number, shown, following = found
    context = {"panel": shown, "number": number, "count": len(PANELS), "following": following}
    return render(request, "welcome/guide.html", context)
