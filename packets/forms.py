"""The page editor's form for Harbor's page types.

Wagtail's editor script posts a StreamField as numbered fields (`body-count`,
`body-0-type`, `body-0-order`, …), and Wagtail reads them with `data[…]` and
`int()`: a POST without them or with text where a number goes (from anything
but that script) was a 500 on every page view that takes the form (edit,
create, revert, preview). Such a stream is refused with a message and the page
is not saved; the form shows the stream as the page holds it."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamValue
from wagtail.blocks.base import BlockField, BlockWidget

# What Wagtail's blocks raise on missing or malformed block fields.
UNREADABLE = (LookupError, ValueError, TypeError, OverflowError, ValidationError)


class UnreadableStream(StreamValue):
    """A stream whose posted fields could not be read: the page's own value."""


class ReadableBlockWidget(BlockWidget):
    def __init__(self, block_def, saved, attrs=None):
        super().__init__(block_def, attrs=attrs)
        self.saved = saved

    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except UNREADABLE:
            saved = self.saved.get_prep_value() if self.saved else []
            return UnreadableStream(self.block_def, saved, is_lazy=True)


class PageForm(WagtailAdminPageForm):
    stream_unreadable = _(
        "This part of the page could not be read. Reload the editor and make the change "
        "again; nothing was saved."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, BlockField):
                saved = getattr(self.instance, name, None)
                field.widget = ReadableBlockWidget(field.block, saved, attrs=field.widget.attrs)

    def clean(self):
        cleaned_data = super().clean()
        for name, field in self.fields.items():
            if isinstance(field.widget, ReadableBlockWidget):
                if isinstance(self[name].data, UnreadableStream):
                    self.add_error(name, self.stream_unreadable)
        return cleaned_data
