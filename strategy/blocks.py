"""The parts of an information strategy: audiences, the activity plan and the indicators."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from core.blocks import CheckedStreamBlock

STATUSES = [
    ("planned", _("Planned")),
    ("in_progress", _("In progress")),
    ("done", _("Done")),
    ("cancelled", _("Cancelled")),
]


class AudienceBlock(blocks.StructBlock):
    audience = blocks.CharBlock(label=_("audience"), max_length=200)
    needs = blocks.TextBlock(label=_("what they need"))
    messages = blocks.ListBlock(
        blocks.CharBlock(max_length=300), label=_("key messages"), min_num=1
    )
    channels = blocks.ListBlock(blocks.CharBlock(max_length=200), label=_("channels"), default=[])
    materials = blocks.ListBlock(blocks.CharBlock(max_length=200), label=_("materials"), default=[])
    owner = blocks.CharBlock(label=_("owner"), max_length=200, required=False)

    class Meta:
        template = "strategy/blocks/audience_block.html"
        icon = "group"
        label = _("Audience")
        description = _("Who, what they need, the key messages, channels, materials and owner.")
        preview_value = {
            "audience": "Viceværter",
            "needs": "At vide, hvad SKP gør, og hvordan man kontakter ordningen.",
            "messages": ["Ring til SKP, hvis en beboer isolerer sig."],
            "channels": ["Informationsmøde"],
            "materials": ["Pjece"],
            "owner": "SKP-teamet",
        }


class ActivityBlock(blocks.StructBlock):
    start = blocks.DateBlock(label=_("from"))
    end = blocks.DateBlock(label=_("to"), required=False)
    activity = blocks.CharBlock(label=_("activity"), max_length=200)
    description = blocks.TextBlock(label=_("description"), required=False)
    audience = blocks.CharBlock(label=_("audience"), max_length=200)
    channel = blocks.CharBlock(label=_("channel"), max_length=200)
    owner = blocks.CharBlock(label=_("owner"), max_length=200)
    status = blocks.ChoiceBlock(label=_("status"), choices=STATUSES, default="planned")

    class Meta:
        template = "strategy/blocks/activity_block.html"
        icon = "date"
        label = _("Activity")
        description = _("One activity of the plan: period, audience, channel, owner and status.")
        preview_value = {
            "start": "2008-09-01",
            "end": "2008-12-31",
            "activity": "Hæfte med alarmsignaler",
            "audience": "Pårørende",
            "channel": "Trykt hæfte",
            "owner": "Arbejdsgruppen",
            "status": "planned",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["status_label"] = dict(STATUSES).get(value["status"], value["status"])
        return context

    def clean(self, value):
        value = super().clean(value)
        if value["end"] and value["end"] < value["start"]:
            raise StructBlockValidationError(
                block_errors={"end": ValidationError(_("The end cannot be before the start."))}
            )
        return value


class IndicatorBlock(blocks.StructBlock):
    indicator = blocks.CharBlock(label=_("indicator"), max_length=300)
    measure = blocks.TextBlock(label=_("how it is measured"), required=False)
    target = blocks.CharBlock(label=_("target"), max_length=200, required=False)

    class Meta:
        template = "strategy/blocks/indicator_block.html"
        icon = "success"
        label = _("Indicator")
        description = _("A sign that the strategy works, and how it is measured.")
        preview_value = {
            "indicator": "Flere henvendelser fra viceværter",
            "measure": "Tælles hver måned.",
        }


class GoalsBlock(CheckedStreamBlock):
    goal = blocks.CharBlock(label=_("goal"), max_length=300)


class AudiencesBlock(CheckedStreamBlock):
    audience = AudienceBlock()


class ActivitiesBlock(CheckedStreamBlock):
    activity = ActivityBlock()


class IndicatorsBlock(CheckedStreamBlock):
    indicator = IndicatorBlock()
