"""Blocks shared by every page type; page-specific blocks live in their app's `blocks.py`."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
    )

    class Meta:
        template = "blocks/heading_block.html"
        icon = "title"
        label = _("Heading")
        description = _("A subheading that divides the text.")
        preview_value = {"text": "Sådan kommer du i gang", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        template = "blocks/paragraph_block.html"
        icon = "pilcrow"
        label = _("Text")
        description = _("Body text with links, lists and emphasis.")
        preview_value = (
            "<p>Opsøgende arbejde handler om at møde borgeren dér, hvor borgeren er.</p>"
        )


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    source = blocks.CharBlock(label=_("Source"), required=False, max_length=300)

    class Meta:
        template = "blocks/quote_block.html"
        icon = "openquote"
        label = _("Quote")
        description = _("A short, marked quotation with its source.")
        preview_value = {"text": "Man skal ikke give op.", "source": "Isbryderprojektet, 2007"}


class CalloutBlock(blocks.StructBlock):
    variant = blocks.ChoiceBlock(
        label=_("Type"),
        choices=[
            ("info", _("Information")),
            ("warning", _("Warning")),
            ("success", _("Good advice")),
        ],
        default="info",
    )
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        template = "blocks/callout_block.html"
        icon = "warning"
        label = _("Fact box")
        description = _("A highlighted box for important information.")
        preview_value = {
            "variant": "info",
            "heading": "Husk",
            "text": "<p>Tjek altid den gældende lovgivning.</p>",
        }


class TableBlock(blocks.StructBlock):
    """A simple, translatable table: a caption, a header row and rows of plain cells."""

    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    header = blocks.ListBlock(blocks.CharBlock(label=_("Column")), label=_("Header row"))
    rows = blocks.ListBlock(
        blocks.ListBlock(blocks.CharBlock(label=_("Cell"), required=False), label=_("Row")),
        label=_("Rows"),
    )

    class Meta:
        template = "blocks/table_block.html"
        icon = "table"
        label = _("Table")
        description = _("A table of figures or fields with a header row.")
        preview_value = {
            "caption": "Tal fra kilderne",
            "header": ["Tal", "Hvad"],
            "rows": [["+43 %", "Flere sindslidende med misbrug, 2000–2008"]],
        }


class CheckedStreamBlock(blocks.StreamBlock):
    """A StreamBlock whose form data arrived incomplete (a `-count` missing or not a number, as
    from a malformed or cut-off post) is an error on the field, not a 500: Wagtail reads the
    count with `int(data[...])`. The field then shows empty with the error and nothing is saved.
    Every StreamBlock of the project derives from this one, nested ones too."""

    def value_from_datadict(self, data, files, prefix):
        try:
            return super().value_from_datadict(data, files, prefix)
        except (KeyError, ValueError):
            value = self.to_python([])
            value.incomplete = True
            return value

    def clean(self, value):
        if getattr(value, "incomplete", False):
            message = _(
                "This field arrived incomplete, so nothing was saved. Reload the page and make "
                "the change again."
            )
            raise StreamBlockValidationError(non_block_errors=ErrorList([ValidationError(message)]))
        return super().clean(value)


class BodyStreamBlock(CheckedStreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    table = TableBlock()


# The five source documents of the library (../shared/seeds), cited on every page.
SOURCE_DOCUMENTS = [
    ("000", "Ballerup Kommune: Integreret indsats over for sindslidende med misbrug (2012–2014)"),
    ("001", "Koordinerende indsatsplaner (KI-planer), oplæg (efter 2015)"),
    ("002", "Evaluering af Isbryderprojektet, bilagssamling (2007–2011)"),
    ("003", "Hedensted Kommune: KI-planer for sindslidende med misbrug (2014–2017)"),
    ("004", "Ishøj Kommune: Social stofmisbrugsbehandling til unge under 30 år (2014)"),
]


class SourceBlock(blocks.StructBlock):
    doc = blocks.ChoiceBlock(label=_("Document"), choices=SOURCE_DOCUMENTS)
    lines = blocks.CharBlock(label=_("Lines"), required=False, max_length=200)
    note = blocks.CharBlock(label=_("Note"), required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = _("Source")
        description = _("A source document and the lines the page builds on.")
        preview_value = {"doc": "002", "lines": "L5029–5055", "note": "Odense"}


class SourcesStreamBlock(CheckedStreamBlock):
    source = SourceBlock()
