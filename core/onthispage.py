""" "På denne side": the sections of a rendered page, for its in-page navigation.

A long page's body is rendered first; every second-level heading in it becomes a link in the list,
and a heading without an id (one written in a body's heading block) gets one from its text, unique
on the page.
"""

import re
from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import slugify

_H2 = re.compile(r"<h2(?P<attrs>(?:\s[^>]*)?)>(?P<inner>.*?)</h2>", re.S)
_ID = re.compile(r"""\sid=["']([^"']+)["']""")


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str


@dataclass(frozen=True)
class Outline:
    html: str
    sections: tuple[Section, ...]


def outline(html) -> Outline:
    """The body with an id on every h2, and its sections in order."""
    text = str(html)
    taken = set(_ID.findall(text))
    sections = []

    def anchor(match):
        attrs, inner = match.group("attrs"), match.group("inner")
        title = " ".join(strip_tags(inner).split())
        found = _ID.search(attrs)
        if found:
            sections.append(Section(found.group(1), title))
            return match.group(0)
        base = "section-" + (slugify(title) or "part")
        name, n = base, 2
        while name in taken:
            name, n = f"{base}-{n}", n + 1
        taken.add(name)
        sections.append(Section(name, title))
        return f'<h2 id="{name}"{attrs}>{inner}</h2>'

    body = _H2.sub(anchor, text)
    return Outline(mark_safe(body), tuple(sections))  # noqa: S308 - rendered, escaped template output
