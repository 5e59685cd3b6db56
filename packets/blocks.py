"""StreamField blocks of packets and assignments. Each renders with its own
template under templates/blocks/ and needs no JavaScript."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

from learning.languages import LANGUAGES

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]
# A phone video at 360p streams at about 0.7 Mbit/s: some 5 MB a minute.
VIDEO_MEGABYTES_PER_MINUTE = 5


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        label = _("Heading")
        description = _("A section title inside the packet.")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph.html"
        label = _("Paragraph")
        description = _("Text with bold, italic, lists and links.")


class GlossaryEntryBlock(blocks.StructBlock):
    term = blocks.CharBlock(label=_("Word"))
    meaning = blocks.CharBlock(label=_("Meaning"))

    class Meta:
        icon = "comment"
        label = _("Glossary entry")


class ReadingPassageBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, label=_("Title"))
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))
    audio = DocumentChooserBlock(
        required=False, label=_("Audio"), help_text=_("Someone reading the passage aloud.")
    )
    glossary = blocks.ListBlock(GlossaryEntryBlock(), required=False, label=_("Glossary"))

    class Meta:
        icon = "doc-full"
        template = "blocks/reading_passage.html"
        label = _("Reading passage")
        description = _("A text to read, with optional audio and a glossary of hard words.")


class PacketImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, label=_("Caption"))

    class Meta:
        icon = "image"
        template = "blocks/image.html"
        label = _("Image")
        description = _("A picture, sent to phones in a size that fits their screen.")


class AudioBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    audio = DocumentChooserBlock(label=_("Audio file"))
    transcript = blocks.TextBlock(required=False, label=_("Transcript"))

    class Meta:
        icon = "media"
        template = "blocks/audio.html"
        label = _("Audio clip")
        description = _("A listening clip with its transcript; loads only when played.")


class VideoLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    url = blocks.URLBlock(label=_("Link"))
    minutes = blocks.IntegerBlock(
        min_value=1,
        max_value=600,
        label=_("Length in minutes"),
        help_text=_("Used to tell students how much mobile data the video costs."),
    )

    class Meta:
        icon = "link-external"
        template = "blocks/video_link.html"
        label = _("Video link")
        description = _("A link to a video with a data-cost note; never loads by itself.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["megabytes"] = value["minutes"] * VIDEO_MEGABYTES_PER_MINUTE
        return context


class TranslationBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(choices=LANGUAGES[1:], label=_("Language"))
    text = blocks.CharBlock(label=_("Translation"))

    class Meta:
        icon = "globe"
        label = _("Translation")


class VocabularyItemBlock(blocks.StructBlock):
    """One word or phrase. Its ListBlock item id is its stable identity:
    flashcard progress and Anki note GUIDs follow it across edits."""

    term = blocks.CharBlock(max_length=120, label=_("Word or phrase"))
    meaning = blocks.CharBlock(max_length=300, label=_("Meaning"))
    example = blocks.CharBlock(required=False, max_length=300, label=_("Example sentence"))
    image = ImageChooserBlock(required=False, label=_("Picture"))
    audio = DocumentChooserBlock(required=False, label=_("Pronunciation audio"))
    translations = blocks.ListBlock(TranslationBlock(), required=False, label=_("Translations"))

    class Meta:
        icon = "form"
        label = _("Word")

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        for name in ("term", "meaning"):
            if not (value.get(name) or "").strip():
                errors[name] = ValidationError(_("This cannot be only spaces."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class VocabularyListBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, label=_("Title"))
    items = blocks.ListBlock(VocabularyItemBlock(), min_num=1, label=_("Words"))

    class Meta:
        icon = "list-ul"
        template = "blocks/vocabulary_list.html"
        label = _("Vocabulary list")
        description = _("Words with meanings, examples and translations; they become flashcards.")


class WorksheetBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    document = DocumentChooserBlock(label=_("File"))
    instructions = blocks.TextBlock(required=False, label=_("Instructions"))

    class Meta:
        icon = "doc-empty"
        template = "blocks/worksheet.html"
        label = _("Worksheet")
        description = _("A file to download and print, shown with its size.")


class ResourceLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    url = blocks.URLBlock(label=_("Link"))
    description = blocks.CharBlock(required=False, label=_("What it is"))

    class Meta:
        icon = "link"
        template = "blocks/resource_link.html"
        label = _("Resource link")
        description = _("A link to a useful website or tool.")


class PacketStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    reading = ReadingPassageBlock()
    image = PacketImageBlock()
    audio = AudioBlock()
    video = VideoLinkBlock()
    vocabulary = VocabularyListBlock()
    worksheet = WorksheetBlock()
    link = ResourceLinkBlock()


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"))
    correct = blocks.BooleanBlock(required=False, label=_("Right answer"))

    class Meta:
        icon = "tick"
        label = _("Answer")


class MultipleChoiceQuestionBlock(blocks.StructBlock):
    prompt = blocks.CharBlock(label=_("Question"))
    choices = blocks.ListBlock(ChoiceBlock(), min_num=2, max_num=6, label=_("Answers"))

    class Meta:
        icon = "list-ol"
        template = "blocks/question_multiple_choice.html"
        label = _("Multiple-choice question")
        description = _("Students pick one answer; it scores itself.")

    def clean(self, value):
        value = super().clean(value)
        if not any(choice["correct"] for choice in value["choices"]):
            raise StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Mark one answer as right."))}
            )
        return value


class FillInQuestionBlock(blocks.StructBlock):
    prompt = blocks.CharBlock(
        label=_("Sentence"), help_text=_("Write ___ where the missing word goes.")
    )
    answers = blocks.CharBlock(
        label=_("Right answers"),
        help_text=_("Separate answers that are all right with |, e.g. bus|the bus."),
    )

    class Meta:
        icon = "edit"
        template = "blocks/question_fill_in.html"
        label = _("Fill-in question")
        description = _("Students type the missing word; it scores itself.")

    def clean(self, value):
        value = super().clean(value)
        if not [a for a in value["answers"].split("|") if a.strip()]:
            raise StructBlockValidationError(
                block_errors={"answers": ValidationError(_("Give at least one right answer."))}
            )
        return value


class QuizStreamBlock(blocks.StreamBlock):
    multiple_choice = MultipleChoiceQuestionBlock()
    fill_in = FillInQuestionBlock()


class StudentNoteBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(choices=LANGUAGES[1:], label=_("Language"))
    text = blocks.TextBlock(label=_("Note"))

    class Meta:
        icon = "globe"
        label = _("Note in a student's language")
        template = "blocks/student_note.html"
