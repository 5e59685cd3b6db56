from django.core.exceptions import ValidationError


class UploadRejected(ValidationError):
    """An upload refused before anything was stored; the message is for the student.

    A `ValidationError`, so a form's `clean_<field>()` can let it through and
    the form shows the message beside the field.
    """
