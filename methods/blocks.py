from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from core.blocks import RICH_TEXT_FEATURES, CheckedStreamBlock


class StepBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    body = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        template = "methods/blocks/step_block.html"
        icon = "list-ol"
        label = _("Step or core element")
        description = _("One step or core element of the method, in order.")
        preview_value = {
            "heading": "Skriv et brev",
            "body": "<p>Send et kort, venligt brev med et forslag til et besøg.</p>",
        }


class StepsStreamBlock(CheckedStreamBlock):
    step = StepBlock()


class VariantBlock(blocks.StructBlock):
    place = blocks.CharBlock(label=_("Municipality or region"), max_length=200)
    year = blocks.CharBlock(label=_("Year"), max_length=40, required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        template = "methods/blocks/variant_block.html"
        icon = "site"
        label = _("Municipal variant")
        description = _("How one municipality or region did it.")
        preview_value = {
            "place": "Odense Kommune",
            "year": "2008",
            "text": "<p>SKP-medarbejderne arbejdede i par ved første besøg.</p>",
        }


class VariantsStreamBlock(CheckedStreamBlock):
    variant = VariantBlock()
