"""A template's form definition as plain objects, and the answers to it.

`FormDefinition.from_stream(page.form)` reads the StreamField once; the HTML form, the
validation, skip logic and the DOCX, ODT and PDF writers all work from the result.
"""

from dataclasses import dataclass, field

from downloads.blocks import split_codes


@dataclass
class Option:
    code: str
    label: str

    @property
    def text(self):
        return f"{self.label} ({self.code})"


@dataclass
class SubField:
    label: str
    kind: str = "text"
    help: str = ""


@dataclass
class SkipRule:
    answers: frozenset[str]
    goto: str


@dataclass
class Question:
    kind: str
    key: str
    label: str
    number: str = ""
    help: str = ""
    required: bool = False
    options: list[Option] = field(default_factory=list)
    skip: list[SkipRule] = field(default_factory=list)
    rows: list[str] = field(default_factory=list)  # the rows of a matrix
    row_count: int = 0  # the rows of a repeating group
    fields: list[SubField] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    statement: str = ""
    unit: str = ""
    lines: int = 4

    @property
    def heading(self):
        return f"{self.number}. {self.label}" if self.number else self.label

    @property
    def reference(self):
        """How the question is named in messages: "spørgsmål 6" or its text."""
        return self.number or self.label


@dataclass
class Section:
    title: str
    help: str
    questions: list[Question]


@dataclass
class FormDefinition:
    sections: list[Section]

    @classmethod
    def from_stream(cls, stream) -> "FormDefinition":
        sections = []
        for block in stream or []:
            value = block.value
            questions = [_question(q.block_type, q.value) for q in value["questions"]]
            sections.append(Section(value["title"], value.get("help") or "", questions))
        return cls(sections)

    def __bool__(self):
        return any(section.questions for section in self.sections)

    def questions(self) -> list[Question]:
        return [q for section in self.sections for q in section.questions]

    def question(self, key) -> Question | None:
        return next((q for q in self.questions() if q.key == key), None)

    def skipped(self, answers: dict) -> set[str]:
        """Keys of the questions the answers skip: a skip rule whose codes the answer has
        skips every question after it up to the one it goes to. Rules of skipped questions
        do not apply."""
        questions = self.questions()
        order = {q.key: i for i, q in enumerate(questions)}
        skipped: set[str] = set()
        for index, question in enumerate(questions):
            if question.key in skipped or not question.skip:
                continue
            given = answers.get(question.key)
            codes = set(given) if isinstance(given, list | tuple | set) else {given}
            for rule in question.skip:
                if codes & rule.answers and rule.goto in order:
                    skipped |= {q.key for q in questions[index + 1 : order[rule.goto]]}
                    break
        return skipped

    def skip_notes(self, question: Question) -> list[str]:
        """The rules of a question as the reader follows them on paper."""
        notes = []
        for rule in question.skip:
            target = self.question(rule.goto)
            name = target.reference if target else rule.goto
            notes.append((sorted(rule.answers, key=_code_order), name))
        return notes


def _code_order(code):
    return (0, int(code)) if code.isdigit() else (1, code)


def _question(kind, value) -> Question:
    question = Question(
        kind=kind,
        key=value["key"],
        label=value["label"],
        number=value.get("number") or "",
        help=value.get("help") or "",
        required=bool(value.get("required")),
    )
    if kind in ("single", "multiple", "matrix"):
        question.options = [Option(str(o["code"]), o["label"]) for o in value["options"]]
    if kind in ("single", "multiple"):
        question.skip = [
            SkipRule(frozenset(split_codes(r["answers"])), r["goto"])
            for r in value.get("skip") or []
        ]
    if kind == "matrix":
        question.rows = list(value["rows"])
    if kind == "repeat":
        question.fields = [
            SubField(f["label"], f.get("kind") or "text", f.get("help") or "")
            for f in value["fields"]
        ]
        question.row_count = value.get("rows") or 3
    if kind == "checklist":
        question.items = list(value["items"])
    if kind == "consent":
        question.statement = value["statement"]
    if kind == "number":
        question.unit = value.get("unit") or ""
    if kind == "textarea":
        question.lines = value.get("lines") or 4
    return question
