"""What the submission pages' scripts say on screen, in the page's language: a
page passes these through `json_script` (lazy strings, translated at render)."""

from django.utils.translation import gettext_lazy as _

# classes/static/classes/draft.js, as "draft-strings".
DRAFT_STRINGS = {
    "saved": _("Draft saved."),
    "saving": _("Saving your draft…"),
    "offline": _("Offline: your answer is kept on this phone until you are online."),
    "restored": _("Your answer typed on this phone is back. Save it or hand it in."),
    "failed": _("Your draft could not be saved just now. It is kept on this phone."),
}

# classes/static/classes/recorder.js, as "recorder-strings": a student's spoken
# answer and a teacher's voice comment alike.
RECORDER_STRINGS = {
    "record": _("Record"),
    "stop": _("Stop"),
    "recording": _("Recording… %(time)s"),
    "recorded": _("Listen to the recording, then send it or record again."),
    "again": _("Record again"),
    "denied": _(
        "Harbor may not use the microphone. Allow it in your browser, or choose a recording."
    ),
    "failed": _("Recording did not work on this device. Choose a recording instead."),
    "sending": _("Sending…"),
}

# classes/static/classes/photo.js, as "photo-strings".
PHOTO_STRINGS = {
    "shrinking": _("Making your photos smaller for sending…"),
    "sending": _("Sending your photos…"),
    "failed": _("Your photos were not sent. Check your connection and tap Hand in again."),
}
