"""The form a student hands work in with, shaped by the assignment's kind.

Every kind carries a one-time `token` (a fresh one each time the form is shown)
and an `action`: "draft" keeps the typed text (written answers only), anything
else hands the work in. Photos and recordings are checked here, through the
upload pipeline, so a refused file never reaches the services.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from classes.submissions.services import MAX_TEXT, Recording, Work
from classes.uploads.audio import check_audio
from classes.uploads.errors import UploadRejected
from classes.uploads.images import process_photo
from learning.once import is_token, new_token
from packets.levels import AssignmentKind

DRAFT = "draft"
SUBMIT = "submit"
MAX_FILL_IN = 200


def posted_text(data):
    """The textarea's text as typed: browsers send line breaks as CR LF."""
    return data.get("text", "").replace("\r\n", "\n")


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class PhotosField(forms.Field):
    """Every file posted under the name, unchecked: `clean_photos` checks each."""

    widget = MultipleFileInput(attrs={"accept": "image/*", "capture": "environment"})

    def clean(self, value):
        return list(value or [])


class SubmissionForm(forms.Form):
    # The server's messages, in the student's language, rather than the browser's.
    use_required_attribute = False
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, assignment, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.assignment = assignment
        self.kind = assignment.kind
        if self.kind == AssignmentKind.WRITTEN:
            self.fields["text"] = forms.CharField(
                label=_("Your answer"), required=False, strip=False, widget=forms.Textarea
            )
        elif self.kind == AssignmentKind.PHOTO:
            self.fields["photos"] = PhotosField(label=_("Take photos of your work"), required=False)
        elif self.kind == AssignmentKind.AUDIO:
            self.fields["recording"] = forms.FileField(
                label=_("Or choose a recording"),
                required=False,
                widget=forms.FileInput(attrs={"accept": "audio/*"}),
            )
        elif self.kind == AssignmentKind.QUIZ:
            for block in assignment.questions:
                self.fields[question_field(block)] = quiz_field(block)

    @property
    def action(self):
        """Only a written answer has a draft; any other post hands the work in."""
        wants_draft = self.data.get("action") == DRAFT
        return DRAFT if wants_draft and self.kind == AssignmentKind.WRITTEN else SUBMIT

    def questions(self):
        """(question block, bound field) pairs, in the quiz's order."""
        return [(block, self[question_field(block)]) for block in self.assignment.questions]

    def clean_token(self):
        token = self.cleaned_data["token"]
        if self.action == SUBMIT and not is_token(token):
            raise ValidationError(
                _(
                    "This form was out of date or damaged on the way, so nothing was handed "
                    "in. Check your work and hand it in again."
                ),
                code="token",
            )
        return token

    def clean_text(self):
        text = posted_text(self.data)
        if len(text) > MAX_TEXT:
            raise ValidationError(
                _(
                    "Your answer is too long (%(count)s characters). The longest answer "
                    "accepted is %(limit)s characters."
                ),
                code="too_long",
                params={"count": f"{len(text):,}", "limit": f"{MAX_TEXT:,}"},
            )
        return text

    def clean_photos(self):
        uploads = self.cleaned_data["photos"]
        limit = settings.HARBOR_SUBMISSION_MAX_PHOTOS
        if len(uploads) > limit:
            raise ValidationError(
                ngettext(
                    "Send at most %(limit)s photo at a time. Choose your photos again.",
                    "Send at most %(limit)s photos at a time. Choose your photos again.",
                    limit,
                ),
                code="too_many",
                params={"limit": limit},
            )
        return [checked_photo(number, upload) for number, upload in enumerate(uploads, 1)]

    def clean_recording(self):
        upload = self.cleaned_data["recording"]
        if not upload:
            return None
        try:
            return Recording(upload, check_audio(upload))
        except UploadRejected as rejected:
            raise ValidationError(
                _("%(reason)s Nothing was handed in: record or choose it again."),
                code=rejected.code,
                params={"reason": rejected.messages[0]},
            ) from None

    def work(self):
        data = self.cleaned_data
        return Work(
            text=data.get("text", ""),
            answers={block.id: data[question_field(block)] for block in self.assignment.questions}
            if self.kind == AssignmentKind.QUIZ
            else {},
            photos=data.get("photos") or [],
            recording=data.get("recording"),
        )

    def field_for_refusal(self, code):
        """Which field a refusal from the services belongs beside (None: the whole form)."""
        if code in ("empty", "too_long"):
            return {"written": "text", "photo": "photos", "audio": "recording"}.get(self.kind)
        return None

    def token_to_render(self):
        """The posted token while it is valid (a retry stays one hand-in), else a new one."""
        token = self.data.get("token", "")
        return token if is_token(token) else new_token()


def checked_photo(number, upload):
    try:
        return process_photo(upload)
    except UploadRejected as rejected:
        raise ValidationError(
            _(
                "Photo %(number)s (%(name)s): %(reason)s "
                "Nothing was handed in: choose your photos again."
            ),
            code=rejected.code,
            params={"number": number, "name": upload.name, "reason": rejected.messages[0]},
        ) from None


def question_field(block):
    return f"q-{block.id}"


def quiz_field(block):
    if block.block_type == "multiple_choice":
        return forms.ChoiceField(
            label=block.value["prompt"],
            choices=[(str(i), c["text"]) for i, c in enumerate(block.value["choices"])],
            widget=forms.RadioSelect,
            error_messages={
                "required": _("Choose an answer."),
                "invalid_choice": _("Choose one of the answers."),
            },
        )
    return forms.CharField(
        label=block.value["prompt"],
        max_length=MAX_FILL_IN,
        error_messages={"required": _("Write your answer.")},
    )
