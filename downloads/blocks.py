"""The structured form definition of a template: sections of questions an editor can change.

Every format (the HTML form, DOCX, ODT and PDF) is made from this one definition, through
`downloads.schema`, which reads the stream into plain objects.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from core.blocks import CheckedStreamBlock


class CodeBlock(blocks.CharBlock):
    """A value that is the same in every language (a question key, an answer code): never
    offered to translators (wagtail-localize asks blocks for their segments)."""

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


# A key becomes part of the online form's field names and ids: lower-case letters, digits and
# single underscores, starting with a letter; "file_format" is the form's own field.
KEY_PATTERN = r"^(?!file_format$)[a-z](?:[a-z0-9]|_(?!_))*$"
KEY_VALIDATOR = RegexValidator(
    KEY_PATTERN,
    _(
        "Use lower-case letters a–z, digits and single underscores, starting with a letter, "
        "e.g. q6 or dato."
    ),
)

KEY_HELP = _(
    "A short stable name for the question, e.g. q6 or dato. Skip rules point at it; "
    "do not change it once the form is in use."
)


class OptionBlock(blocks.StructBlock):
    code = CodeBlock(
        label=_("code"),
        max_length=20,
        help_text=_("The value stored for this answer, e.g. 1, 2 or 77 (don't know)."),
    )
    label = blocks.CharBlock(label=_("answer"), max_length=300)

    class Meta:
        icon = "radio-full"
        label = _("answer option")


class SkipRuleBlock(blocks.StructBlock):
    answers = CodeBlock(
        label=_("if the answer is"),
        max_length=100,
        help_text=_("One or more codes separated by commas, e.g. 3, 4"),
    )
    goto = CodeBlock(
        label=_("go to question"),
        max_length=40,
        help_text=_("The key of the question to go to; the questions between are skipped."),
    )

    class Meta:
        icon = "redirect"
        label = _("skip rule")


class QuestionBlock(blocks.StructBlock):
    """What every question has: a key, a number shown to the reader, the question and help."""

    key = CodeBlock(label=_("key"), max_length=40, help_text=KEY_HELP, validators=[KEY_VALIDATOR])
    number = blocks.CharBlock(label=_("number"), max_length=10, required=False, default="")
    label = blocks.CharBlock(label=_("question"), max_length=500)
    help = blocks.TextBlock(label=_("help text"), required=False, default="")
    required = blocks.BooleanBlock(label=_("must be answered"), required=False)

    class Meta:
        icon = "help"
        form_classname = "struct-block question-block"


class TextQuestionBlock(QuestionBlock):
    class Meta:
        icon = "pilcrow"
        label = _("short text")


class LongTextQuestionBlock(QuestionBlock):
    lines = blocks.IntegerBlock(
        label=_("lines to write on"), default=4, min_value=1, max_value=30, required=False
    )

    class Meta:
        icon = "doc-full"
        label = _("long text")


class DateQuestionBlock(QuestionBlock):
    class Meta:
        icon = "date"
        label = _("date")


class QuarterQuestionBlock(QuestionBlock):
    class Meta:
        icon = "calendar-alt"
        label = _("quarter and year")


class NumberQuestionBlock(QuestionBlock):
    unit = blocks.CharBlock(label=_("unit"), max_length=40, required=False, default="")

    class Meta:
        icon = "order"
        label = _("number")


class DurationQuestionBlock(QuestionBlock):
    class Meta:
        icon = "time"
        label = _("hours and minutes")


class ChoiceQuestionBlock(QuestionBlock):
    options = blocks.ListBlock(OptionBlock(), label=_("answer options"), min_num=2)
    skip = blocks.ListBlock(SkipRuleBlock(), label=_("skip rules"), required=False, default=[])

    def clean(self, value):
        value = super().clean(value)
        codes = [option["code"] for option in value["options"]]
        if len(codes) != len(set(codes)):
            raise blocks.StructBlockValidationError(
                block_errors={"options": ValidationError(_("Two answers have the same code."))}
            )
        for rule in value.get("skip") or []:
            unknown = [c for c in split_codes(rule["answers"]) if c not in codes]
            if unknown:
                raise blocks.StructBlockValidationError(
                    block_errors={
                        "skip": ValidationError(
                            _("A skip rule names the code %(code)s, which no answer has.")
                            % {"code": unknown[0]}
                        )
                    }
                )
        return value


class SingleChoiceQuestionBlock(ChoiceQuestionBlock):
    class Meta:
        icon = "radio-full"
        label = _("single choice")


class MultipleChoiceQuestionBlock(ChoiceQuestionBlock):
    class Meta:
        icon = "tasks"
        label = _("multiple choice")


class MatrixQuestionBlock(QuestionBlock):
    rows = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("rows"), min_num=1)
    options = blocks.ListBlock(OptionBlock(), label=_("scale"), min_num=2)

    class Meta:
        icon = "table"
        label = _("matrix (rows × scale)")


class SubFieldBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("field"), max_length=200)
    kind = blocks.ChoiceBlock(
        label=_("kind"),
        choices=[
            ("text", _("short text")),
            ("textarea", _("long text")),
            ("date", _("date")),
            ("number", _("number")),
        ],
        default="text",
    )
    help = blocks.CharBlock(label=_("help text"), max_length=500, required=False, default="")

    class Meta:
        icon = "form"
        label = _("field")


class RepeatQuestionBlock(QuestionBlock):
    fields = blocks.ListBlock(SubFieldBlock(), label=_("fields of each row"), min_num=1)
    rows = blocks.IntegerBlock(
        label=_("rows on paper and online"), default=3, min_value=1, max_value=20
    )

    class Meta:
        icon = "list-ul"
        label = _("repeating group")


class ChecklistQuestionBlock(QuestionBlock):
    items = blocks.ListBlock(blocks.CharBlock(max_length=500), label=_("items"), min_num=1)

    class Meta:
        icon = "tick"
        label = _("check list")


class ConsentQuestionBlock(QuestionBlock):
    statement = blocks.TextBlock(label=_("what is consented to"))

    class Meta:
        icon = "lock"
        label = _("consent")


class QuestionStreamBlock(CheckedStreamBlock):
    text = TextQuestionBlock()
    textarea = LongTextQuestionBlock()
    date = DateQuestionBlock()
    quarter = QuarterQuestionBlock()
    number = NumberQuestionBlock()
    duration = DurationQuestionBlock()
    single = SingleChoiceQuestionBlock()
    multiple = MultipleChoiceQuestionBlock()
    matrix = MatrixQuestionBlock()
    repeat = RepeatQuestionBlock()
    checklist = ChecklistQuestionBlock()
    consent = ConsentQuestionBlock()


class SectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("section title"), max_length=200)
    help = blocks.TextBlock(label=_("introduction"), required=False, default="")
    questions = QuestionStreamBlock(label=_("questions"))

    class Meta:
        icon = "form"
        label = _("section")


class FormStreamBlock(CheckedStreamBlock):
    section = SectionBlock()

    def clean(self, value):
        value = super().clean(value)
        keys = []
        for section in value:
            keys += [question.value["key"] for question in section.value["questions"]]
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        if duplicates:
            raise blocks.StreamBlockValidationError(
                non_block_errors=[
                    ValidationError(
                        _("Two questions have the key %(key)s.") % {"key": duplicates[0]}
                    )
                ]
            )
        position = {key: i for i, key in enumerate(keys)}
        for section in value:
            for question in section.value["questions"]:
                for rule in question.value.get("skip") or []:
                    if position.get(rule["goto"], -1) <= position[question.value["key"]]:
                        raise blocks.StreamBlockValidationError(
                            non_block_errors=[
                                ValidationError(
                                    _(
                                        "A skip rule goes to %(key)s, which is not a question "
                                        "after the rule's own."
                                    )
                                    % {"key": rule["goto"]}
                                )
                            ]
                        )
        return value


def split_codes(text):
    """The codes of a skip rule's "if the answer is" field: "3, 4" → ["3", "4"]."""
    return [c.strip() for c in str(text).split(",") if c.strip()]
