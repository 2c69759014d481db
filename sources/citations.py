"""Citations a reader can follow: "(002:L605–610, L621)" in running text becomes a numbered note.

The library's texts cite their sources by document and line, as the editors and the audits need
them. A reader sees a note number instead; the page's "Kilder" lists each note by the names a
reader knows (document, part, municipality, year, lines) and links it to the quoted passage on the
source document's page. Prose inside the parentheses stays: "(Odense 2008; 002:L5240–5242)"
reads "(Odense 2008)" with its note.
"""

import html
import re
from dataclasses import dataclass, field

from core.richtext import CITATION, Processor

# A parenthesis that cites at least one line of a source document (its content is `inner`).
CITED = CITATION
# Citations standing on their own, as in a table's source column or a quotation's caption:
# "000:L86–106; 001:L58–62", perhaps followed by more lines in parentheses ("(gentaget L4419)").
_RANGE = r"L\d+(?:\s*[–-]\s*\d+)?"
BARE = re.compile(
    rf"(?<![\w(:])(?P<inner>\d{{3}}:{_RANGE}(?:\s*[,;]\s*(?:\d{{3}}:)?{_RANGE})*)"
    r"(?:\s*\((?P<more>[^()]*\bL\d[^()]*)\))?"
)
# One cited range: "002:L605–610", or "L621" continuing the document before it.
TOKEN = re.compile(r"(?:(?P<doc>\d{3}):)?L(?P<start>\d+)(?:\s*[–-]\s*(?P<end>\d+))?")
_TOKENS = re.compile(TOKEN.pattern + r"(?:\s*(?:,|og|and|mod)\s*(?=(?:\d{3}:)?L\d))?")
# Words left dangling at either end once the line numbers are taken out.
_JOINER = r"(?:[\s,;:]|\b(?:jf|cf)\.|\b(?:citeret i|cited in|mod|og|and)\b)+"
_DANGLING = re.compile(rf"^{_JOINER}|{_JOINER}$", re.I)


@dataclass(frozen=True, order=True)
class Passage:
    """A range of lines in one source document."""

    doc: str
    start: int
    end: int

    @property
    def anchor(self) -> str:
        return f"L{self.start}" if self.start == self.end else f"L{self.start}-{self.end}"

    @property
    def lines(self) -> str:
        return str(self.start) if self.start == self.end else f"{self.start}–{self.end}"


def passages(text: str, doc: str = "") -> list[Passage]:
    """Every range the text cites, in order; a range without a document continues the last."""
    found = []
    for match in TOKEN.finditer(text):
        doc = match.group("doc") or doc
        if not doc:
            continue
        start = int(match.group("start"))
        end = int(match.group("end") or start)
        if end < start and len(str(end)) < len(str(start)):
            end = int(str(start)[: -len(str(end))] + str(end))  # "L605–10" is 605–610
        found.append(Passage(doc, start, max(start, end)))
    return found


def cited_in(text: str) -> list[Passage]:
    """Every range a text cites, in parentheses or on its own."""
    found = [p for m in CITED.finditer(text) for p in passages(m.group("inner"))]
    rest = CITED.sub(" ", text)
    for match in BARE.finditer(rest):
        found += passages(match.group("inner") + " " + (match.group("more") or ""))
    return found


def without_line_numbers(inner: str) -> str:
    """The prose of a citing parenthesis: "Odense 2008; 002:L5240–5242" → "Odense 2008"."""
    return _DANGLING.sub("", _TOKENS.sub(" ", inner)).strip()


@dataclass
class Note:
    number: int
    passages: tuple[Passage, ...]
    uses: int = 0


@dataclass
class Notes:
    """The page's notes in reading order; the same citation again gets the same number."""

    notes: list[Note] = field(default_factory=list)

    def add(self, cited: tuple[Passage, ...]) -> tuple[Note, int]:
        for note in self.notes:
            if note.passages == cited:
                note.uses += 1
                return note, note.uses
        note = Note(len(self.notes) + 1, cited, uses=1)
        self.notes.append(note)
        return note, 1

    def __bool__(self):
        return bool(self.notes)

    def __iter__(self):
        return iter(self.notes)


def marker(note: Note, use: int, label: str) -> str:
    """The note's number in HTML, linked to the note; its label read aloud ("Kilde 3")."""
    ref_id = f"note-ref-{note.number}" + (f"-{use}" if use > 1 else "")
    return (
        f'<sup class="note-ref"><a href="#note-{note.number}" id="{ref_id}">'
        f'<span class="sr-only">{html.escape(label)} </span>{note.number}</a></sup>'
    )


def plain_marker(note: Note, use: int, label: str) -> str:
    """The note's number in a document's plain text: "[3]"."""
    return f" [{note.number}]"


def apply(text: str, label: str, notes: Notes, mark=marker) -> str:
    def replace(match):
        cited = tuple(passages(match.group("inner")))
        if not cited:
            return match.group(0)
        note, use = notes.add(cited)
        prose = without_line_numbers(match.group("inner"))
        kept = f" ({prose})" if prose else ""
        return kept + mark(note, use, label)

    def replace_bare(match):
        more = match.group("more") or ""
        cited = tuple(passages(match.group("inner") + " " + more))
        note, use = notes.add(cited)
        prose = without_line_numbers(more) if more else ""
        return (f"({prose})" if prose else "") + mark(note, use, label)

    return BARE.sub(replace_bare, CITED.sub(replace, text))


def build(locale):
    """The word read before a note's number ("Kilde 3"), in the page's language."""
    return {"label": "Source" if locale.language_code == "en" else "Kilde"}


PROCESSOR = Processor(
    name="citations",
    build=build,
    apply=lambda text, state, notes: apply(text, state["label"], notes),
    needs=":L",
    seen=Notes,
)
