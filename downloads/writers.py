"""DOCX, ODT and PDF from a template's form definition, blank or filled in.

Each writer takes a `Document` (title, introduction, the definition, optional answers) and
returns bytes. Blank documents show every question with its options and codes and room to
write; filled ones show the answers. Every file is marked as Danish (or the page's language).
"""

import io
from dataclasses import dataclass, field
from datetime import date

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from downloads.pdf import FILL_TIMEOUT, TIMEOUT, html_to_pdf
from downloads.schema import FormDefinition, Question

CHECKED, UNCHECKED = "☒", "☐"
BLANK_LINE = "_" * 60

FORMATS = {
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Word (DOCX)",
    ),
    "odt": ("application/vnd.oasis.opendocument.text", "OpenDocument (ODT)"),
    "pdf": ("application/pdf", "PDF"),
}
LANGUAGE_TAGS = {"da": "da-DK", "en": "en-GB"}


@dataclass
class Document:
    title: str
    intro: str
    definition: FormDefinition
    language: str = "da"
    source_url: str = ""
    answers: dict | None = None  # key → value, as downloads.forms.FillForm.answers() gives
    skipped: set[str] = field(default_factory=set)

    @property
    def filled(self):
        return self.answers is not None


def write(document: Document, file_format: str) -> bytes:
    with translation.override(document.language):
        return {"docx": write_docx, "odt": write_odt, "pdf": write_pdf}[file_format](document)


# --- What each question shows, in any format --------------------------------------------------


def answer_lines(document: Document, question: Question) -> list[str]:
    """The lines under a question's heading: options with boxes, the answer or room to write."""
    answers = document.answers or {}
    value = answers.get(question.key)
    if question.key in document.skipped:
        return [_("(Skipped)")]
    kind = question.kind
    if kind in ("single", "multiple"):
        chosen = set(value) if isinstance(value, list) else {value}
        return [
            f"{CHECKED if option.code in chosen else UNCHECKED} {option.text}"
            for option in question.options
        ]
    if kind == "checklist":
        chosen = set(value or [])
        return [
            f"{CHECKED if str(i) in chosen else UNCHECKED} {item}"
            for i, item in enumerate(question.items)
        ]
    if kind == "consent":
        return [f"{CHECKED if value else UNCHECKED} {question.statement}"]
    if kind == "quarter":
        if value:
            return [_("Quarter %(quarter)s, %(year)s") % {"quarter": value[0], "year": value[1]}]
        return [_("Quarter: ____  Year: ________")]
    if kind == "duration":
        if value:
            return [
                _("%(hours)s hours %(minutes)s minutes") % {"hours": value[0], "minutes": value[1]}
            ]
        return [_("____ hours ____ minutes")]
    if kind == "date":
        if isinstance(value, date):
            return [value.strftime("%d.%m.%Y")]
        return [_("Date: ____ . ____ . ________")]
    if kind == "number":
        unit = f" {question.unit}" if question.unit else ""
        return [f"{value}{unit}"] if value not in (None, "") else [f"________{unit}"]
    if kind in ("text", "textarea"):
        if value:
            return str(value).splitlines() or [str(value)]
        return [BLANK_LINE] * (question.lines if kind == "textarea" else 1)
    return []


def skip_notes(document: Document, question: Question) -> list[str]:
    separator = " " + _("or") + " "
    return [
        _("If the answer is %(codes)s, go to question %(target)s.")
        % {"codes": separator.join(codes), "target": target}
        for codes, target in document.definition.skip_notes(question)
    ]


def table_of(document: Document, question: Question):
    """Header and rows of a matrix or repeating group, or None for other questions."""
    value = (document.answers or {}).get(question.key)
    if question.key in document.skipped:
        return None
    if question.kind == "matrix":
        header = ["", *(option.text for option in question.options)]
        chosen = value or {}
        rows = [
            [row, *(CHECKED if chosen.get(i) == o.code else UNCHECKED for o in question.options)]
            for i, row in enumerate(question.rows)
        ]
        return header, rows
    if question.kind == "repeat":
        header = [f"{f.label} ({f.help})" if f.help else f.label for f in question.fields]
        filled = [row for row in (value or []) if any(cell not in (None, "") for cell in row)]
        rows = [[_cell(cell) for cell in row] for row in filled]
        if not document.filled:
            rows = [[""] * len(header) for _ in range(question.row_count)]
        return header, rows
    return None


def _cell(value):
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return "" if value is None else str(value)


def _intro_lines(document):
    lines = [document.intro] if document.intro else []
    if document.source_url:
        lines.append(_("From Metodebiblioteket: %(url)s") % {"url": document.source_url})
    return lines


def parts(document: Document):
    """The document in reading order, for the DOCX and ODT writers:
    ("heading", level, text), ("help", text), ("table", (header, rows)) and ("line", text)."""
    yield ("heading", 0, document.title)
    for line in _intro_lines(document):
        yield ("line", line)
    for section in document.definition.sections:
        yield ("heading", 1, section.title)
        if section.help:
            yield ("help", section.help)
        for question in section.questions:
            yield ("heading", 2, question.heading)
            if question.help:
                yield ("help", question.help)
            for note in skip_notes(document, question):
                yield ("help", note)
            grid = table_of(document, question)
            if grid:
                yield ("table", grid)
            for line in answer_lines(document, question):
                yield ("line", line)


# --- DOCX (python-docx) -------------------------------------------------------------------------


def write_docx(document: Document) -> bytes:
    return docx_from_parts(document.title, document.language, parts(document))


def _docx_hyperlink(paragraph, text, url):
    """A clickable link: python-docx has no API for one, so the run is written as WordprocessingML
    inside a w:hyperlink that points at an external relationship."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0563C1")
    props.extend([style, color, underline])
    run.append(props)
    text_element = OxmlElement("w:t")
    text_element.text = text
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def docx_from_parts(title: str, language: str, document_parts) -> bytes:
    """A DOCX of `parts`: ("heading", level 0–3, text), ("help", text), ("line", text),
    ("bullet", text), ("link", text, url) and ("table", (header, rows))."""
    from docx import Document as Docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Docx()
    tag = LANGUAGE_TAGS.get(language, language)
    doc.core_properties.title = title
    doc.core_properties.language = tag
    # The document's language, for spelling and screen readers: every run inherits it.
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = OxmlElement("w:lang")
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), tag)
    rpr.append(lang)
    doc.styles["Normal"].font.size = Pt(11)

    # Styles looked up once, and set on paragraphs by id: python-docx's style setter scans the
    # whole style list for the default style on every call (half the time of a large form).
    styles = doc.styles
    headings = [styles[n].style_id for n in ("Title", "Heading 1", "Heading 2", "Heading 3")]
    bullet = styles["List Bullet"].style_id
    table_style = styles["Table Grid"]

    for kind, *content in document_parts:
        if kind == "table":
            header, rows = content[0]
            grid = doc.add_table(rows=1 + len(rows), cols=len(header), style=table_style)
            for row, texts in zip(grid.rows, [header, *rows], strict=True):
                for cell, value in zip(row.cells, texts, strict=True):
                    cell.text = value
        elif kind == "help":
            doc.add_paragraph().add_run(content[0]).italic = True
        elif kind == "heading":
            level, value = content
            paragraph = doc.add_paragraph(value)
            paragraph._p.style = headings[level]  # the pStyle element, as the setter writes it
        elif kind == "bullet":
            doc.add_paragraph(content[0])._p.style = bullet
        elif kind == "link":
            value, url = content
            _docx_hyperlink(doc.add_paragraph(), value, url)
        else:
            doc.add_paragraph(content[0])
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# --- ODT (odfpy) ---------------------------------------------------------------------------------


def write_odt(document: Document) -> bytes:
    return odt_from_parts(document.title, document.language, parts(document))


def odt_from_parts(title: str, language_code: str, document_parts) -> bytes:
    """An ODT of the same parts as `docx_from_parts`."""
    from odf import dc, meta, style, table, text
    from odf.opendocument import OpenDocumentText

    language, _sep, country = LANGUAGE_TAGS.get(language_code, "da-DK").partition("-")
    odt = OpenDocumentText()
    odt.meta.addElement(dc.Title(text=title))
    odt.meta.addElement(dc.Language(text=f"{language}-{country}"))
    odt.meta.addElement(meta.Generator(text="Metodebiblioteket"))
    default = style.DefaultStyle(family="paragraph")
    default.addElement(style.TextProperties(language=language, country=country, fontsize="11pt"))
    odt.styles.addElement(default)

    def heading_style(name, level, size):
        s = style.Style(name=name, family="paragraph", defaultoutlinelevel=str(level))
        s.addElement(style.TextProperties(fontsize=size, fontweight="bold"))
        s.addElement(style.ParagraphProperties(margintop="0.3cm", marginbottom="0.15cm"))
        odt.styles.addElement(s)
        return s

    styles = {
        0: heading_style("Title", 1, "20pt"),
        1: heading_style("Heading_20_1", 1, "15pt"),
        2: heading_style("Heading_20_2", 2, "12pt"),
        3: heading_style("Heading_20_3", 3, "11pt"),
    }
    italic = style.Style(name="Help", family="paragraph")
    italic.addElement(style.TextProperties(fontstyle="italic"))
    odt.styles.addElement(italic)
    cell_style = style.Style(name="Cell", family="table-cell")
    cell_style.addElement(style.TableCellProperties(border="0.5pt solid #000000", padding="0.1cm"))
    odt.automaticstyles.addElement(cell_style)
    bullets = text.ListStyle(name="Bullets")
    level_style = text.ListLevelStyleBullet(level=1, bulletchar="•")
    level_style.addElement(style.ListLevelProperties(spacebefore="0.3cm", minlabelwidth="0.5cm"))
    bullets.addElement(level_style)
    odt.automaticstyles.addElement(bullets)

    table_number = 0
    current_list = None
    for kind, *content in document_parts:
        if kind != "bullet":
            current_list = None
        if kind == "table":
            header, rows = content[0]
            table_number += 1
            odf_table = table.Table(name=f"Tabel{table_number}")
            odf_table.addElement(table.TableColumn(numbercolumnsrepeated=len(header)))
            for row in [header, *rows]:
                odf_row = table.TableRow()
                for value in row:
                    cell = table.TableCell(stylename=cell_style, valuetype="string")
                    cell.addElement(text.P(text=value))
                    odf_row.addElement(cell)
                odf_table.addElement(odf_row)
            odt.text.addElement(odf_table)
        elif kind == "help":
            odt.text.addElement(text.P(stylename=italic, text=content[0]))
        elif kind == "heading":
            level, value = content
            odt.text.addElement(
                text.H(outlinelevel=max(level, 1), stylename=styles[level], text=value)
            )
        elif kind == "bullet":
            if current_list is None:
                current_list = text.List(stylename=bullets)
                odt.text.addElement(current_list)
            item = text.ListItem()
            item.addElement(text.P(text=content[0]))
            current_list.addElement(item)
        elif kind == "link":
            value, url = content
            paragraph = text.P()
            paragraph.addElement(text.A(href=url, type="simple", text=value))
            odt.text.addElement(paragraph)
        else:
            odt.text.addElement(text.P(text=content[0]))
    out = io.BytesIO()
    odt.write(out)
    return out.getvalue()


# --- PDF (WeasyPrint, from HTML) ------------------------------------------------------------------


def write_pdf(document: Document) -> bytes:
    sections = [
        {
            "title": section.title,
            "help": section.help,
            "questions": [
                {
                    "heading": question.heading,
                    "help": question.help,
                    "notes": skip_notes(document, question),
                    "table": table_of(document, question),
                    "lines": answer_lines(document, question),
                    "writing_room": not document.filled and question.kind in ("text", "textarea"),
                }
                for question in section.questions
            ],
        }
        for section in document.definition.sections
    ]
    html = render_to_string(
        "downloads/print_form.html",
        {
            "document": document,
            "intro_lines": _intro_lines(document),
            "sections": sections,
            "language": document.language,
        },
    )
    # A filled form is made while its reader waits; a blank one once per published revision.
    return html_to_pdf(html, FILL_TIMEOUT if document.filled else TIMEOUT)


def pdf_from_parts(title: str, language: str, document_parts) -> bytes:
    """A PDF of the same parts as `docx_from_parts`; consecutive bullets make one list."""
    blocks = []
    for kind, *content in document_parts:
        if kind == "bullet" and blocks and blocks[-1][0] == "list":
            blocks[-1][1].append(content[0])
        elif kind == "bullet":
            blocks.append(("list", [content[0]]))
        else:
            blocks.append((kind, *content))
    html = render_to_string(
        "downloads/print_parts.html", {"title": title, "language": language, "blocks": blocks}
    )
    return html_to_pdf(html)
