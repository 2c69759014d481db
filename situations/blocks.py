"""The parts of a situation guide that come in lists: its signs and its first steps."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from core.blocks import RICH_TEXT_FEATURES, CheckedStreamBlock


class SignBlock(blocks.RichTextBlock):
    class Meta:
        icon = "help"
        label = _("Sign")
        description = _("One sign that the practitioner is in this situation, with its source.")


class SignsStreamBlock(CheckedStreamBlock):
    sign = SignBlock(features=RICH_TEXT_FEATURES)


class ActionBlock(blocks.StructBlock):
    action = blocks.CharBlock(
        label=_("What to do"), max_length=200, help_text=_("An instruction, e.g. Send a letter.")
    )
    who = blocks.CharBlock(
        label=_("Who does it"), max_length=200, help_text=_("The role, e.g. the SKP worker.")
    )
    when = blocks.CharBlock(
        label=_("When"), max_length=200, help_text=_("E.g. Within the first days.")
    )
    body = blocks.RichTextBlock(label=_("How, and the source"), features=RICH_TEXT_FEATURES)

    class Meta:
        template = "situations/blocks/action_block.html"
        icon = "list-ol"
        label = _("Action")
        description = _("One thing to do first, in order: what, who, when and how.")
        preview_value = {
            "action": "Send et kort brev",
            "who": "SKP-medarbejderen",
            "when": "Inden for de første dage",
            "body": "<p>Foreslå et tidspunkt for et besøg.</p>",
        }


class FirstStepsStreamBlock(CheckedStreamBlock):
    action = ActionBlock()
