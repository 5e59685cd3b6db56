"""Forms: they read and check input; the rules are in the action functions."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from classes.enrollment import parse_names
from classes.models import ClassMode
from classes.place import check_place
from classes.schedule import MAX_SESSION_MINUTES
from classes.sharing import language_choices
from learning.ids import ModelIdChoiceField, ModelIdMultipleChoiceField
from learning.languages import LANGUAGES
from learning.roles import Role
from learning.validators import one_line, plausible_date
from packets.models import LevelPage

ISO_WEEKDAYS = [
    (1, _("Monday")),
    (2, _("Tuesday")),
    (3, _("Wednesday")),
    (4, _("Thursday")),
    (5, _("Friday")),
    (6, _("Saturday")),
    (7, _("Sunday")),
]


class JoinForm(forms.Form):
    code = forms.CharField(
        label=_("Class code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class SessionForm(forms.Form):
    day = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[plausible_date],
    )
    at = forms.TimeField(label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}))
    duration_minutes = forms.IntegerField(label=_("Length in minutes"), min_value=1, max_value=480)
    topic = forms.CharField(label=_("Topic"), max_length=200, required=False, validators=[one_line])
    link = forms.URLField(label=_("Link"), required=False, assume_scheme="https")


class AddStudentsForm(forms.Form):
    names = forms.CharField(
        label=_("New students without email, one name per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    language = forms.ChoiceField(
        label=_("Their language, for Harbor's menus and messages"),
        choices=LANGUAGES,
        initial="en",
        required=False,
        help_text=_("Each student can change it later on any page."),
    )
    username = forms.CharField(
        label=_("Or the username of a student who already has an account"),
        max_length=150,
        required=False,
        validators=[one_line],
    )
    move = forms.BooleanField(
        label=_("Move them: withdraw them from their other classes"),
        required=False,
        help_text=_("Managers only: for a student already in another teacher's class."),
    )
    token = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, may_move=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_move:
            del self.fields["move"]

    def clean(self):
        data = super().clean()
        if not data.get("names", "").strip() and not data.get("username", "").strip():
            raise ValidationError(_("Write names for new accounts, or a username."))
        if data.get("names", "").strip():
            data["name_list"] = parse_names(data["names"])
        return data


class SendPacketForm(forms.Form):
    packet = forms.TypedChoiceField(label=_("Packet"), coerce=int)
    token = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, packets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["packet"].choices = [(p.pk, p.title) for p in packets]


def room_field():
    return forms.CharField(
        label=_("Room"),
        max_length=120,
        required=False,
        validators=[one_line],
        help_text=_("For classes in person: the room, floor or entrance."),
    )


def address_field():
    return forms.CharField(
        label=_("Address"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For classes in person: where students come, as on a letter."),
    )


def clean_place(form, data):
    if "mode" not in data:
        return
    try:
        check_place(data["mode"], data.get("address", ""), data.get("room", ""))
    except ValidationError as error:
        form.add_error("address", error)


class NewClassForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120, validators=[one_line])
    level = ModelIdChoiceField(label=_("Level"), queryset=LevelPage.objects.none())
    teachers = ModelIdMultipleChoiceField(
        label=_("Teachers"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    term_start = forms.DateField(
        label=_("Term start"),
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[plausible_date],
    )
    term_end = forms.DateField(
        label=_("Term end"),
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[plausible_date],
    )
    meeting_days = forms.TypedMultipleChoiceField(
        label=_("Meeting days"),
        choices=ISO_WEEKDAYS,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    start_time = forms.TimeField(
        label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    duration_minutes = forms.IntegerField(
        label=_("Length in minutes"), min_value=1, max_value=MAX_SESSION_MINUTES, initial=120
    )
    mode = forms.ChoiceField(label=_("Mode"), choices=ClassMode.choices)
    meeting_link = forms.URLField(label=_("Meeting link"), required=False, assume_scheme="https")
    room = room_field()
    address = address_field()

    def __init__(self, *args, **kwargs):
        from django.contrib.auth import get_user_model

        super().__init__(*args, **kwargs)
        self.fields["level"].queryset = LevelPage.objects.live().order_by("path")
        self.fields["teachers"].queryset = (
            get_user_model()
            .objects.filter(groups__name=Role.TEACHER.value, is_active=True)
            .order_by("display_name", "username")
        )

    def clean(self):
        data = super().clean()
        start, end = data.get("term_start"), data.get("term_end")
        if start and end and end < start:
            raise ValidationError(_("The term must end after it starts."))
        if start and end and (end - start).days > 366:
            raise ValidationError(_("A term lasts at most a year."))
        clean_place(self, data)
        return data


class PlaceForm(forms.Form):
    """Where a class meets, changed on its own page (classes/place.py)."""

    mode = forms.ChoiceField(label=_("Mode"), choices=ClassMode.choices)
    room = room_field()
    address = address_field()

    def clean(self):
        data = super().clean()
        clean_place(self, data)
        return data


class ShareLanguageForm(forms.Form):
    """The language of the class's shared messages (classes/sharing.py)."""

    share_language = forms.ChoiceField(
        label=_("Language of shared messages"),
        choices=language_choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of these languages.")},
    )
