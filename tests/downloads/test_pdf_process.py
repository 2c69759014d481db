"""PDFs are written by a child process, so WeasyPrint never settles in a server worker."""

import subprocess
import sys

import pytest

from downloads.pdf import PDFError, html_to_pdf
from tests.files import pdf_text


def test_a_pdf_is_written_by_a_child_process_and_reads_back():
    pdf = html_to_pdf('<html lang="da"><title>Prøve</title><p>Kontaktperson § 99</p></html>')
    assert pdf.startswith(b"%PDF")
    assert "Kontaktperson § 99" in pdf_text(pdf)


def test_the_process_that_asks_for_a_pdf_never_imports_weasyprint():
    script = (
        "import sys; from downloads.pdf import html_to_pdf; "
        "pdf = html_to_pdf('<p>Hej</p>'); "
        "print(pdf[:4].decode(), 'weasyprint' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["%PDF", "False"]


def test_a_failing_child_gives_an_error_not_an_empty_file(monkeypatch):
    monkeypatch.setattr(sys, "executable", "/bin/false")
    with pytest.raises(PDFError):
        html_to_pdf("<p>Hej</p>")
