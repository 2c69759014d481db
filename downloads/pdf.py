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
import threading
from contextlib import contextmanager
from pathlib import Path

TIMEOUT = 300  # seconds; the largest handout takes about 4, once per published revision
# A filled form is made while its reader waits, as often as the rate limit allows: its answers
# are bounded (downloads/forms.py) so that it takes one to three seconds, and a child still
# working after this long is stopped.
FILL_TIMEOUT = 10
_filling = threading.BoundedSemaphore(1)  # one filled PDF at a time in each server process


class PDFError(RuntimeError):
    pass


class PDFBusy(PDFError):
    """This process is already writing a filled PDF: the reader is asked to try again."""


class PDFTimeout(PDFError):
    """The child took longer than its time limit and was stopped."""


@contextmanager
def filling_slot():
    """Hold this process's one place for a filled PDF, or raise PDFBusy at once: two readers'
    PDFs at a time would take the server's two cores from everyone else."""
    if not _filling.acquire(blocking=False):
        raise PDFBusy("another filled PDF is being written")
    try:
        yield
    finally:
        _filling.release()


def html_to_pdf(html: str, timeout: float = TIMEOUT) -> bytes:
    try:
        result = subprocess.run(
            [sys.executable, "-m", "downloads.pdf"],
            input=html.encode(),
            capture_output=True,
            timeout=timeout,
            cwd=Path(__file__).resolve().parents[1],
            check=False,
        )
    except subprocess.TimeoutExpired as error:  # run() has killed the child
        raise PDFTimeout(f"no PDF after {timeout} s") from error
    if result.returncode != 0 or not result.stdout.startswith(b"%PDF"):
        raise PDFError(result.stderr.decode(errors="replace")[-2000:])
    return result.stdout


def _write(html: str) -> bytes:
    import weasyprint

    # PDF/UA-1: tagged, with the document language and title, where WeasyPrint can do it.
    return weasyprint.HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")


if __name__ == "__main__":
    sys.stdout.buffer.write(_write(sys.stdin.buffer.read().decode()))
