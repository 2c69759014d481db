"""A page's numbered notes, named as a reader knows the sources, for its "Kilder" section.

The notes are what the citations processor (sources/citations.py) met while the page's text was
rendered; each cited range is named by its document, the part of the document it is in (with the
municipality and year), and its lines, and links to the quoted passage on the part's page.
"""

import re

from django.utils.translation import gettext as _

from core import snapshot
from core.richtext import remembered
from sources.citations import Notes, Passage, apply, passages, plain_marker

_LINE = re.compile(r"\bL(?=\d)")


def documents(request) -> dict:
    """{doc: {"title", "url", "parts"}} of the live source document pages in the reader's
    language, kept until the content changes."""
    from sources.models import SourceDocumentPage, quoted_passages

    locale = snapshot.active_locale(request)

    def compute():
        found = {}
        pages = SourceDocumentPage.objects.live().filter(locale=locale).order_by("doc")
        for page in pages:
            found[page.doc] = {
                "title": page.title,
                "period": page.period,
                "url": page.get_url(request),
                "parts": page.parts(),
                "quoted": set(quoted_passages().get(page.doc, {})),
            }
        return found

    return snapshot.shared(request, f"sources:documents:{locale.pk if locale else 0}", compute)


def name(request, passage: Passage) -> dict:
    """How a reader knows a cited range: its part of the document, and where it is quoted."""
    document = documents(request).get(passage.doc)
    lines = _("lines %(lines)s") % {"lines": passage.lines}
    if document is None:
        return {"label": lines, "url": None}
    part = next((p for p in document["parts"] if p["first"] <= passage.start <= p["last"]), None)
    if part is None:
        return {"label": lines, "url": document["url"]}
    # "10.2 Odense Kommune (2008)" already says where and when.
    extra = [x for x in (part["place"], part["year"]) if x and x not in part["title"]]
    where = ", ".join([part["title"], *extra])
    url = f"{document['url']}afsnit/{part['number']}/"
    if passage.anchor[1:] in document["quoted"]:
        url += f"#{passage.anchor}"
    return {"label": f"{where}, {lines}", "url": url}


def grouped(request, cited) -> list[dict]:
    """Cited ranges by document, in the order cited: [{"title", "cited": [name ...]}]."""
    groups: list[dict] = []
    for passage in cited:
        document = documents(request).get(passage.doc)
        title = document["title"] if document else passage.doc
        if not groups or groups[-1]["doc"] != passage.doc:
            groups.append({"doc": passage.doc, "title": title, "cited": []})
        groups[-1]["cited"].append(name(request, passage))
    return groups


def page_notes(context) -> list[dict]:
    """The notes of the page being rendered, numbered in reading order."""
    request = context.get("request")
    if request is None:
        return []
    notes = remembered(request, "citations", Notes)
    return [{"number": note.number, "groups": grouped(request, note.passages)} for note in notes]


def page_sources(context, page) -> list[dict]:
    """The page's own list of sources (whole parts it builds on), each linked to its part."""
    request = context.get("request")
    found = []
    listed = getattr(page, "source_list", None)
    for source in listed() if listed else []:
        cited = passages(source["lines"], doc=source["doc"]) if source["lines"] else []
        document = documents(request).get(source["doc"]) if request else None
        first = name(request, cited[0]) if cited and request else {"url": None}
        note = _LINE.sub(_("line") + " ", source["note"])
        found.append(
            {
                **source,
                "note": note,
                "title": document["title"] if document else source["title"],
                "url": first["url"] or (document["url"] if document else None),
            }
        )
    return found


def document_notes(parts, request) -> list:
    """A printed document's parts (downloads/writers.py) with its citations as numbered notes,
    "[3]", and the notes at the end under "Kilder", as on the page."""
    notes = Notes()

    def plain(text):
        return apply(text, "", notes, mark=plain_marker).strip() if text else text

    out = []
    for part in parts:
        kind = part[0]
        if kind in ("line", "bullet", "help"):
            out.append((kind, plain(part[1]), *part[2:]))
        elif kind == "heading":
            out.append((kind, part[1], plain(part[2])))
        elif kind == "table":
            header, rows = part[1]
            out.append((kind, ([plain(c) for c in header], [[plain(c) for c in r] for r in rows])))
        else:
            out.append(part)
    if notes:
        out.append(("heading", 1, _("Sources")))
        for note in notes:
            named = ". ".join(
                f"{group['title']}: " + "; ".join(item["label"] for item in group["cited"])
                for group in grouped(request, note.passages)
            )
            out.append(("line", f"[{note.number}] {named}"))
    return out
