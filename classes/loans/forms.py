"""The loans pages' forms: the device list's filters, a device, lending,
taking back, and a student's "I have no device". Rules are in services.py."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from classes.models import Condition, Device, DeviceKind, DeviceStatus
from learning.ids import ModelIdChoiceField
from learning.roles import Role
from learning.validators import plausible_date

DATE_ERRORS = {"invalid": _("Enter a date like 2026-09-01.")}
YES_NO = [("", _("Any")), ("yes", _("Yes")), ("no", _("No"))]


def date_field(label, **kwargs):
    return forms.DateField(
        label=label,
        widget=forms.DateInput({"type": "date"}),
        error_messages=DATE_ERRORS,
        validators=[plausible_date],
        **kwargs,
    )


class DeviceFilterForm(forms.Form):
    """`?kind=laptop&status=on_loan&overdue=yes`: every field optional; anything
    else is an error shown on the page (400), never a silently different list."""

    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("Any"))])
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Any"))])
    overdue = forms.ChoiceField(label=_("Overdue"), required=False, choices=YES_NO)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices += DeviceKind.choices
        self.fields["status"].choices += DeviceStatus.choices

    def filters(self):
        data = self.cleaned_data
        overdue = {"yes": True, "no": False}.get(data["overdue"])
        return {"kind": data["kind"], "status": data["status"], "overdue": overdue}


class DeviceForm(forms.ModelForm):
    class Meta:
        model = Device
        fields = ["kind", "asset_tag", "model_name", "condition", "status", "site", "notes"]
        widgets = {"notes": forms.Textarea({"rows": 3})}


def students():
    users = get_user_model().objects.filter(groups__name=Role.STUDENT, is_active=True)
    return users.order_by("display_name", "username")


class PersonChoiceField(ModelIdChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.username})"


class LendForm(forms.Form):
    student = PersonChoiceField(label=_("Student"), queryset=students())
    lent_on = date_field(_("Lent on"))
    due_back = date_field(_("Due back"))
    agreement_signed = forms.BooleanField(label=_("Loan agreement signed"), required=False)
    agreement_signed_on = date_field(_("Agreement signed on"), required=False)
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=2000, widget=forms.Textarea({"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"lent_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["student"].queryset = students()

    def clean(self):
        data = super().clean()
        if data.get("agreement_signed_on") and not data.get("agreement_signed"):
            self.add_error("agreement_signed", _("Tick this if the agreement was signed."))
        return data


class ReturnForm(forms.Form):
    returned_on = date_field(_("Returned on"))
    condition = forms.ChoiceField(label=_("Condition on return"), choices=Condition.choices)
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=2000, widget=forms.Textarea({"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"returned_on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class DeviceNeedForm(forms.Form):
    has_no_device = forms.TypedChoiceField(
        label=_("Do you have a device to study on?"),
        choices=[("yes", _("I have no device")), ("no", _("I have a device"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )


def teachers():
    users = get_user_model().objects.filter(groups__name=Role.TEACHER, is_active=True)
    return users.order_by("display_name", "username")


class LoanStaffForm(forms.Form):
    member = PersonChoiceField(label=_("Teacher"), queryset=teachers())
    granted = forms.TypedChoiceField(
        label=_("Loans permission"),
        choices=[("yes", _("Give")), ("no", _("Take away"))],
        coerce=lambda value: value == "yes",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = teachers()
