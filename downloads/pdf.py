"""HTML to PDF/UA with WeasyPrint, in a short-lived process of its own.

WeasyPrint, its fonts and the layout of a 30-page handout leave a server worker about 70 MB
larger for the rest of its life, for files that are made once per published revision and then
served from the cache (and filled forms, a few an hour at most). Each PDF is therefore written by
a child process that imports WeasyPrint and nothing of the site, reads the HTML on stdin, writes
the PDF on stdout and exits: the workers stay small, and a PDF takes about half a second more.

    echo '<html lang="da">…</html>' | python -m downloads.pdf > out.pdf
"""

import subprocess
import sys
from pathlib import Path

TIMEOUT = 300  # seconds; the largest handout takes about 4


class PDFError(RuntimeError):
    pass


def html_to_pdf(html: str) -> bytes:
    result = subprocess.run(
        [sys.executable, "-m", "downloads.pdf"],
        input=html.encode(),
        capture_output=True,
        timeout=TIMEOUT,
        cwd=Path(__file__).resolve().parents[1],
        check=False,
    )
    if result.returncode != 0 or not result.stdout.startswith(b"%PDF"):
        raise PDFError(result.stderr.decode(errors="replace")[-2000:])
    return result.stdout


def _write(html: str) -> bytes:
    import weasyprint

    # PDF/UA-1: tagged, with the document language and title, where WeasyPrint can do it.
    return weasyprint.HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")


if __name__ == "__main__":
    sys.stdout.buffer.write(_write(sys.stdin.buffer.read().decode()))
