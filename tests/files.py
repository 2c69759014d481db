"""Read generated files again, with the libraries that read them for real."""

import io

from docx import Document as Docx
from odf import teletype
from odf import text as odf_text
from odf.opendocument import load as load_odt
from pypdf import PdfReader


def docx_text(content):
    doc = Docx(io.BytesIO(content))
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        lines += [cell.text for row in table.rows for cell in row.cells]
    return doc, "\n".join(lines)


def odt_text(content):
    odt = load_odt(io.BytesIO(content))
    parts = [teletype.extractText(e) for e in odt.getElementsByType(odf_text.H)]
    parts += [teletype.extractText(e) for e in odt.getElementsByType(odf_text.P)]
    return odt, "\n".join(parts)


def pdf_text(content):
    reader = PdfReader(io.BytesIO(content))
    return reader, "\n".join(page.extract_text() for page in reader.pages)
