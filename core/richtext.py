"""Rich text that links itself: feature apps register processors that turn words into links.

core knows nothing of laws or glossaries: `legal` registers a processor that links "§ 99",
`guidelines` one that explains glossary terms. Each processor gets the rendered HTML's text
(never the inside of a link or heading) and the reader's locale, and returns HTML.
"""

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.safestring import mark_safe
from django.utils.text import slugify

from wagtail.models import Locale
from wagtail.rich_text import RichText, expand_db_html

from core.snapshot import STAMP, active_locale, current_stamp, stamped
from core.utils import request_memo

_TAG = re.compile(r"(<[^>]+>)")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")
_SKIP_INSIDE = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "abbr", "code", "button", "script"}


@dataclass(frozen=True)
class Processor:
    name: str
    build: Callable  # (locale) -> state used by `apply`, e.g. {ref: (url, title)}
    apply: Callable  # (text, state, seen) -> html
    # Text the processor can only change if it contains this (legal references all have a "§"):
    # other rich text is left as it is without being taken apart.
    needs: str = ""
    # What the processor remembers of the page while it is rendered (`seen`): a set of what it
    # has marked, or e.g. the page's numbered notes.
    seen: Callable = set


_processors: list[Processor] = []


def register(processor: Processor):
    if all(p.name != processor.name for p in _processors):
        _processors.append(processor)


def term_link(url, text, tip):
    """A link whose short explanation shows on hover and keyboard focus, and is read aloud."""
    tip_id = "tip-" + slugify(f"{text}-{tip}")[:60]
    return (
        f'<a class="term-ref" href="{html.escape(url)}">{text}'
        f'<span class="term-ref__tip" id="{tip_id}"> ({html.escape(tip)})</span></a>'
    )


def _apply(rendered_html, processor, state, seen):
    """Run one processor over the text between tags, skipping links, headings and code."""
    out = []
    skipping = []
    for part in _TAG.split(rendered_html):
        if part.startswith("<"):
            name = _TAG_NAME.match(part)
            tag = name.group(1).lower() if name else ""
            if tag in _SKIP_INSIDE:
                if part.startswith("</"):
                    if skipping and skipping[-1] == tag:
                        skipping.pop()
                elif not part.endswith("/>"):
                    skipping.append(tag)
            out.append(part)
        elif skipping or not part.strip():
            out.append(part)
        else:
            out.append(processor.apply(part, state, seen))
    return "".join(out)


def enrich(rendered_html, locale, memo):
    """Apply every registered processor in turn; later ones never touch earlier ones' links.

    `memo(key, compute)` keeps each processor's lookup table, and what it has already marked
    (a glossary term is explained at its first use on the page), for the rest of the request.
    """
    result = str(rendered_html or "")
    # Building a state (every legal page with its address, a regular expression of every glossary
    # form) costs far more than a page view: it is kept in the process until the content changes.
    stamp = memo(STAMP, current_stamp)
    for processor in _processors:
        state = stamped(
            stamp, f"richtext:{processor.name}:{locale.pk}", lambda p=processor: p.build(locale)
        )
        if state and processor.needs in result:
            seen = memo(f"richtext:{processor.name}:seen", processor.seen)
            result = _apply(result, processor, state, seen)
    return mark_safe(result)  # noqa: S308 - rich text from the database plus escaped values


def richtext_linked(context, value):
    """Rich text (a RichText or its HTML) with legal references and glossary terms linked to
    their pages; `context` is the template's (config/jinja2.py)."""
    if value is None or value == "":
        return ""
    source = value.source if isinstance(value, RichText) else str(value)
    rendered = expand_db_html(source)
    request = context.get("request")
    if request is None:
        return mark_safe(rendered)  # noqa: S308 - rich text from the database
    locale = active_locale(request) or Locale.get_active()
    return enrich(rendered, locale, lambda key, compute: request_memo(request, key, compute))


# A citation in running text, "(002:L605–610, L621)" or "(Odense 2008; 002:L5240)": left out where
# text is shown plain ("Kort fortalt", search snippets), and made a note (sources/citations.py).
CITATION = re.compile(r"\s?\((?P<inner>[^()]*?\b\d{3}:L\d[^()]*)\)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ0-9„“\"])")


def first_sentence(value, limit: int = 180) -> str:
    """The first sentence of a rich text, as plain text without its citations ("Kort fortalt")."""
    source = value.source if isinstance(value, RichText) else str(value or "")
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", source)).split())
    text = CITATION.sub("", text).strip()
    sentence = _SENTENCE_END.split(text, maxsplit=1)[0] if text else ""
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:–-") + " …"
    return sentence


def remembered(request, processor_name: str, factory: Callable = set):
    """What a processor remembered of the page rendered for `request` (e.g. its notes)."""
    return request_memo(request, f"richtext:{processor_name}:seen", factory)


# What printed documents (DOCX, ODT, PDF) do with their text, registered by feature apps like the
# processors above: (parts, request) -> parts, e.g. citations made into numbered notes.
_document_processors: list[Callable] = []


def register_document_processor(processor: Callable) -> None:
    if processor not in _document_processors:
        _document_processors.append(processor)


def for_documents(parts, request) -> list:
    """A document's parts (downloads/writers.py) after every registered document processor."""
    parts = list(parts)
    for processor in _document_processors:
        parts = processor(parts, request)
    return parts
