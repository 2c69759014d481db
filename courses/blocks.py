"""A course's sessions: what each covers, the library pages it uses and the exercises."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from core.blocks import CheckedStreamBlock

# The pages of the library a session can use: chosen, never copied, so the course shows them as
# they are now.
LIBRARY_PAGE_TYPES = [
    "methods.MethodPage",
    "methods.TechniquePage",
    "methods.PrinciplePage",
    "legal.LegalPage",
    "guidelines.GuidelinePage",
    "downloads.TemplatePage",
    "projects.ProjectPage",
]

EXERCISE_KINDS = [
    ("discussion", _("Discussion")),
    ("case", _("Case work")),
    ("role_play", _("Role play")),
    ("reflection", _("Reflection")),
]

SIMPLE_FEATURES = ["bold", "italic", "ol", "ul", "link"]


def minutes_label(minutes):
    """ "1 minute" / "45 minutes": a session's or an exercise's length, for the public pages."""
    return ngettext("%(counter)s minute", "%(counter)s minutes", minutes) % {"counter": minutes}


class LibraryItemBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(
        label=_("page in the library"),
        page_type=LIBRARY_PAGE_TYPES,
        help_text=_("A method, technique, legal provision, template, guideline or case."),
    )
    note = blocks.CharBlock(
        label=_("how the session uses it"),
        required=False,
        max_length=300,
        default="",
    )

    class Meta:
        icon = "doc-full"
        label = _("library page")


class ExerciseBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(label=_("kind"), choices=EXERCISE_KINDS, default="discussion")
    title = blocks.CharBlock(label=_("title"), max_length=200)
    minutes = blocks.IntegerBlock(label=_("minutes"), min_value=1, max_value=480)
    instructions = blocks.RichTextBlock(label=_("instructions"), features=SIMPLE_FEATURES)

    class Meta:
        icon = "group"
        label = _("exercise")


class SessionBlock(blocks.StructBlock):
    day = blocks.IntegerBlock(
        label=_("day"),
        min_value=1,
        max_value=10,
        default=1,
        help_text=_("Which day of the course the session is on."),
    )
    title = blocks.CharBlock(label=_("title"), max_length=200)
    minutes = blocks.IntegerBlock(
        label=_("duration in minutes"),
        min_value=5,
        max_value=600,
        help_text=_("The whole session, exercises included."),
    )
    description = blocks.RichTextBlock(
        label=_("what the session covers"), features=SIMPLE_FEATURES, required=False
    )
    goals = blocks.ListBlock(
        blocks.CharBlock(max_length=300), label=_("learning goals"), default=[], min_num=1
    )
    items = blocks.ListBlock(
        LibraryItemBlock(), label=_("library pages it uses"), default=[], required=False
    )
    exercises = blocks.ListBlock(ExerciseBlock(), label=_("exercises"), default=[], required=False)
    trainer_notes = blocks.RichTextBlock(
        label=_("notes for the trainer"),
        features=SIMPLE_FEATURES,
        required=False,
        help_text=_("Shown only in the trainer guide, not on the page or in the handout."),
    )

    class Meta:
        template = "courses/blocks/session_block.html"
        icon = "time"
        label = _("Session")
        description = _("One session of the course: goals, library pages, exercises, notes.")
        preview_value = {
            "day": 1,
            "title": "Det første brev",
            "minutes": 60,
            "goals": ["Kunne skrive et kort, venligt brev, der vækker nysgerrighed."],
            "items": [],
            "exercises": [
                {
                    "kind": "case",
                    "title": "Skriv det første brev",
                    "minutes": 25,
                    "instructions": "<p>Skriv til en borger, I har fået en henvendelse om.</p>",
                }
            ],
            "trainer_notes": "",
        }

    def clean(self, value):
        value = super().clean(value)
        used = sum(exercise["minutes"] for exercise in value["exercises"])
        if used > value["minutes"]:
            raise StructBlockValidationError(
                block_errors={
                    "minutes": ValidationError(
                        _(
                            "The exercises take %(used)s minutes, more than the session's "
                            "%(minutes)s."
                        )
                        % {"used": used, "minutes": value["minutes"]}
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["minutes_label"] = minutes_label(value["minutes"])
        return context


class SessionsStreamBlock(CheckedStreamBlock):
    session = SessionBlock()

    class Meta:
        min_num = 1

    def clean(self, value):
        value = super().clean(value)
        days = [child.value["day"] for child in value]
        if (
            days != sorted(days)
            or (days and days[0] != 1)
            or len(set(days)) != max(days, default=0)
        ):
            raise StreamBlockValidationError(
                non_block_errors=[
                    ValidationError(
                        _(
                            "The sessions must be in order of day, starting on day 1 and with "
                            "no day left out."
                        )
                    )
                ]
            )
        return value


class GoalsStreamBlock(CheckedStreamBlock):
    goal = blocks.CharBlock(label=_("learning goal"), max_length=300)
