"""Blocks shared by every page type; page-specific blocks live in their app's `blocks.py`."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

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


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
