"""Uploaded documents: an allow-list of types (WAGTAILDOCS_EXTENSIONS), a maximum size
(WAGTAILDOCS_MAX_UPLOAD_SIZE), and a file must be what its name says: a PDF starts as a PDF, a
DOCX, XLSX or ODT is a ZIP package, and CSV or text has no binary bytes. A renamed program is
refused before it is stored or served."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from wagtail.documents.forms import BaseDocumentForm

ZIP = b"PK\x03\x04"
SIGNATURES = {"pdf": b"%PDF-", "docx": ZIP, "xlsx": ZIP, "odt": ZIP}
TEXT = {"csv", "txt"}
# Wagtail's own upload messages, which it has no Danish for: named here so that the project's
# catalogue (locale/da) keeps their translation.
WAGTAIL_MESSAGES = [
    gettext_noop("This file is too big (%(file_size)s). Maximum filesize %(max_filesize)s."),
    gettext_noop("This file is too big. Maximum filesize %(max_filesize)s."),
    gettext_noop("Maximum filesize: %(max_upload_size)s."),
]


def check_content(file):
    """Raise ValidationError when the start of `file` does not match its extension."""
    extension = Path(file.name).suffix.lower().lstrip(".")
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(4096)
    file.seek(position)
    if isinstance(head, str):
        head = head.encode()
    wrong = (extension in SIGNATURES and not head.startswith(SIGNATURES[extension])) or (
        extension in TEXT and b"\x00" in head
    )
    if wrong:
        raise ValidationError(
            _("The file's content is not %(type)s, whatever its name says."),
            code="wrong_content",
            params={"type": extension.upper()},
        )


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and file != self.original_file:
            check_content(file)
        return file

    def _post_clean(self):
        # A refused file has said what is wrong; the model's own check would then add a
        # confusing message about the (empty) name of the file that is no longer there.
        if "file" not in self._errors:
            super()._post_clean()
