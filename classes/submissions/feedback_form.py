"""The teacher's feedback form: it reads and checks the input; the rules are in
`services.give_feedback`."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from classes.models import FeedbackStatus
from classes.submissions.services import MAX_TEXT, Recording
from classes.uploads.audio import check_audio


class FeedbackForm(forms.Form):
    text = forms.CharField(
        label=_("Feedback"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    score = forms.DecimalField(label=_("Score"), required=False, max_digits=6, decimal_places=2)
    recording = forms.FileField(
        label=_("Voice comment (optional)"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "audio/*"}),
    )
    status = forms.ChoiceField(
        label=_("What happens next"),
        choices=FeedbackStatus.choices,
        initial=FeedbackStatus.RETURNED,
        widget=forms.RadioSelect,
    )
    token = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, points, **kwargs):
        super().__init__(*args, **kwargs)
        self.points = points
        score = self.fields["score"]
        score.label = _("Score (0 to %(points)s)") % {"points": points}
        score.widget.attrs.update({"min": 0, "max": points, "step": "any", "inputmode": "decimal"})
        self.recording = None

    def clean_score(self):
        score = self.cleaned_data["score"]
        if score is not None and not 0 <= score <= self.points:
            raise ValidationError(
                _("The score must be between 0 and %(points)s."),
                code="score",
                params={"points": self.points},
            )
        return score

    def clean_recording(self):
        upload = self.cleaned_data["recording"]
        if upload:
            # UploadRejected is a ValidationError: its message shows beside the field.
            self.recording = Recording(upload, check_audio(upload))
        return upload
