"""The online form of a template, built from its definition.

Nothing typed is stored: the form's cleaned answers go straight into the document writer and
the response. Skip logic is applied on the server too, so the form works without JavaScript:
answers to skipped questions are dropped and never required.
"""

import json
import re

from django import forms
from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from downloads.schema import FormDefinition, Question
from downloads.writers import FORMATS

QUARTERS = [("", "—"), ("1", "1"), ("2", "2"), ("3", "3"), ("4", "4")]
MAX_TEXT = 5000  # characters in one answer
# Characters in all the answers together: about eight pages, which a PDF is made of in one to three
# seconds. Without it the 92 fields of the longest form took 460,000 characters and a minute.
MAX_TOTAL_TEXT = 20_000


def field_names(question: Question) -> list[str]:
    """The HTML field names of a question, in order."""
    key, kind = question.key, question.kind
    if kind == "quarter":
        return [f"{key}__quarter", f"{key}__year"]
    if kind == "duration":
        return [f"{key}__hours", f"{key}__minutes"]
    if kind == "matrix":
        return [f"{key}__r{i}" for i in range(len(question.rows))]
    if kind == "repeat":
        return [
            f"{key}__{row}__{column}"
            for row in range(question.row_count)
            for column in range(len(question.fields))
        ]
    return [key]


# Characters XML 1.0 (DOCX, ODT) cannot hold: C0 controls other than tab, newline and return.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class TextField(forms.CharField):
    def to_python(self, value):
        return _NOT_XML.sub("", super().to_python(value))


def _text(label, lines=None):
    widget = forms.Textarea(attrs={"rows": lines}) if lines else forms.TextInput()
    return TextField(label=label, required=False, max_length=MAX_TEXT, widget=widget)


def _date(label):
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y"],
    )


def _number(label):
    return forms.DecimalField(
        label=label, required=False, max_digits=12, decimal_places=2, min_value=0
    )


def _choice(label, choices, many=False):
    """Radio buttons, or check boxes when several answers may be chosen."""
    if many:
        return forms.MultipleChoiceField(
            label=label, required=False, choices=choices, widget=forms.CheckboxSelectMultiple
        )
    return forms.ChoiceField(label=label, required=False, choices=choices, widget=forms.RadioSelect)


class FillForm(forms.Form):
    """One field (or a few) per question; `answers()` gives {key: value} for the writers."""

    file_format = forms.ChoiceField(
        label=_("File format"),
        choices=[(code, label) for code, (_mime, label) in FORMATS.items()],
        initial="docx",
        widget=forms.RadioSelect,
    )

    def __init__(self, definition: FormDefinition, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.definition = definition
        for question in definition.questions():
            self._add(question)
        for bound_field in self.fields.values():
            widget = bound_field.widget
            css = {
                forms.RadioSelect: "form-radio",
                forms.CheckboxSelectMultiple: "form-checkbox",
                forms.CheckboxInput: "form-checkbox",
                forms.Select: "form-select",
            }.get(type(widget), "form-input")
            widget.attrs.setdefault("class", css)

    def _add(self, question: Question):
        key, kind, label = question.key, question.kind, question.label
        options = [(o.code, o.text) for o in question.options]
        if kind == "text":
            self.fields[key] = _text(label)
        elif kind == "textarea":
            self.fields[key] = _text(label, question.lines)
        elif kind == "date":
            self.fields[key] = _date(label)
        elif kind == "number":
            self.fields[key] = _number(label)
        elif kind == "quarter":
            self.fields[f"{key}__quarter"] = forms.ChoiceField(
                label=_("Quarter"), choices=QUARTERS, required=False
            )
            self.fields[f"{key}__year"] = forms.IntegerField(
                label=_("Year"), required=False, min_value=1990, max_value=2100
            )
        elif kind == "duration":
            self.fields[f"{key}__hours"] = forms.IntegerField(
                label=_("Hours"), required=False, min_value=0, max_value=10_000
            )
            self.fields[f"{key}__minutes"] = forms.IntegerField(
                label=_("Minutes"), required=False, min_value=0, max_value=59
            )
        elif kind in ("single", "multiple"):
            self.fields[key] = _choice(label, options, many=kind == "multiple")
        elif kind == "checklist":
            items = [(str(i), item) for i, item in enumerate(question.items)]
            self.fields[key] = _choice(label, items, many=True)
        elif kind == "consent":
            self.fields[key] = forms.BooleanField(label=question.statement, required=False)
        elif kind == "matrix":
            for i, row in enumerate(question.rows):
                self.fields[f"{key}__r{i}"] = _choice(row, options)
        elif kind == "repeat":
            makers = {"date": _date, "number": _number, "textarea": lambda label: _text(label, 2)}
            for row in range(question.row_count):
                for column, sub in enumerate(question.fields):
                    field = makers.get(sub.kind, _text)(sub.label)
                    field.help_text = sub.help
                    self.fields[f"{key}__{row}__{column}"] = field

    def layout(self):
        """Sections → questions with their bound fields, skip rules and notes, for the template."""
        return [
            {
                "section": section,
                "questions": [
                    {
                        "question": question,
                        "fields": [self[name] for name in field_names(question)],
                        "rows": _rows(self, question),
                        "skip": [
                            {"answers": sorted(rule.answers), "goto": rule.goto}
                            for rule in question.skip
                        ],
                        "notes": self.definition.skip_notes(question),
                        "errors": [e for name in field_names(question) for e in self[name].errors],
                    }
                    for question in section.questions
                ],
            }
            for section in self.definition.sections
        ]

    def raw_answers(self) -> dict:
        """{key: value} from the cleaned data, before skip logic."""
        data = self.cleaned_data
        answers = {}
        for question in self.definition.questions():
            key, kind = question.key, question.kind
            if kind == "quarter":
                quarter, year = data.get(f"{key}__quarter"), data.get(f"{key}__year")
                answers[key] = (quarter, year) if quarter and year else None
            elif kind == "duration":
                hours, minutes = data.get(f"{key}__hours"), data.get(f"{key}__minutes")
                given = hours is not None or minutes is not None
                answers[key] = (hours or 0, minutes or 0) if given else None
            elif kind == "matrix":
                answers[key] = {
                    i: data.get(f"{key}__r{i}")
                    for i in range(len(question.rows))
                    if data.get(f"{key}__r{i}")
                }
            elif kind == "repeat":
                answers[key] = [
                    [data.get(f"{key}__{row}__{column}") for column in range(len(question.fields))]
                    for row in range(question.row_count)
                ]
            else:
                answers[key] = data.get(key)
        return answers

    def clean(self):
        cleaned = super().clean()
        answers = self.raw_answers()
        skipped = self.definition.skipped(answers)
        for question in self.definition.questions():
            names = field_names(question)
            if question.key in skipped:
                for name in names:  # what a skipped question holds is not looked at at all
                    self.errors.pop(name, None)
                continue
            if question.kind == "quarter":
                quarter, year = (cleaned.get(name) for name in names)
                if bool(quarter) != bool(year) and not any(n in self.errors for n in names):
                    self.add_error(
                        names[0] if not quarter else names[1],
                        _("Give both the quarter and the year."),
                    )
            if not question.required:
                continue
            if any(name in self.errors for name in names):
                continue  # already has an error: invalid rather than missing
            if _empty(question, answers.get(question.key)):
                self.add_error(
                    names[0],
                    _("Answer question %(question)s: it must be answered.")
                    % {"question": question.reference},
                )
        self._answers = {k: v for k, v in answers.items() if k not in skipped}
        self._skipped = skipped
        total = sum(len(value) for value in _strings(self._answers))
        if total > MAX_TOTAL_TEXT:
            self.add_error(
                None,
                _(
                    "The answers come to %(total)s characters in all; a filled template holds at "
                    "most %(most)s. Shorten some of the answers."
                )
                % {
                    "total": number_format(total, force_grouping=True),
                    "most": number_format(MAX_TOTAL_TEXT, force_grouping=True),
                },
            )
        return cleaned

    def answers(self):
        return self._answers

    def skipped(self):
        return self._skipped


def _strings(value):
    """The text in an answer, however nested (rows of a repeating group, a matrix)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def _rows(form, question):
    """The bound fields of a repeating group, row by row."""
    if question.kind != "repeat":
        return []
    return [
        [form[f"{question.key}__{row}__{column}"] for column in range(len(question.fields))]
        for row in range(question.row_count)
    ]


def _empty(question, value):
    if question.kind == "repeat":
        return not any(cell not in (None, "") for row in value or [] for cell in row)
    if question.kind == "matrix":
        return len(value or {}) < len(question.rows)
    return value in (None, "", [], False)


def skip_json(rules):
    """Skip rules for the page's script, as an attribute value: [{"answers": [...], "goto": k}]."""
    return escape(json.dumps(rules))


def field_with_hint(field, question, errors=()):
    """The field, described by its hint (help text, unit) and its error message, and marked as
    required when it must be answered."""
    described = []
    if (
        getattr(question, "help", "")
        or getattr(question, "unit", "")
        or getattr(question, "help_text", "")
    ):
        described.append(f"{field.id_for_label}-hint")
    if errors:
        described.append(f"{field.id_for_label}-error")
    attrs = {"aria-describedby": " ".join(described)} if described else {}
    if getattr(question, "required", False):
        attrs["aria-required"] = "true"
    if errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)
