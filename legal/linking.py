"""Legal references in text link themselves: "§ 99", "§99", "SEL § 85", "servicelovens § 81",
"sundhedslovens § 141" and "§§ 107–110" become links to the legal page when it exists, with the
short title shown on hover and keyboard focus. Unknown paragraphs stay plain text.
"""

import re

from core.richtext import Processor, term_link
from legal.models import LegalPage

# Names an act goes by in running Danish text, and its code in refs.
ACT_NAMES = [
    (r"SEL|servicelov(?:en|ens)?|lov(?:en)? om social service", "SEL"),
    (r"SUL|sundhedslov(?:en|ens)?", "SUL"),
    (r"ABL|almenboliglov(?:en|ens)?|lov(?:en)? om almene boliger", "ABL"),
    (r"psykiatrilov(?:en|ens)?", "PSYKL"),
    (r"retsplejelov(?:en|ens)?", "RPL"),
    (r"straffelov(?:en|ens)?", "STRFL"),
]
DEFAULT_ACT = "SEL"  # a bare "§ 99" in this library is the Social Services Act

REFERENCE = re.compile(
    r"(?:\b(?P<act>" + "|".join(name for name, _ in ACT_NAMES) + r")\s+)?"
    r"(?P<sign>§§?)\s*(?P<first>\d+)(?:\s*(?:-|–|til)\s*(?P<last>\d+))?",
    re.IGNORECASE,
)


def act_code(name):
    if not name:
        return DEFAULT_ACT
    for pattern, code in ACT_NAMES:
        if re.fullmatch(pattern, name, re.IGNORECASE):
            return code
    return DEFAULT_ACT


def build(locale):
    """{ref: (url, short title)} for the live legal pages in the reader's language."""
    return {
        page.ref: (page.url, page.short_title)
        for page in LegalPage.objects.live()
        .filter(locale=locale)
        .only("ref", "short_title", "url_path", "locale")
        if page.url
    }


def apply(text, links, seen):
    def replace(match):
        code = act_code(match.group("act"))
        first, last = match.group("first"), match.group("last")
        ref = f"{code}-{first}-{last}" if last else f"{code}-{first}"
        target = links.get(ref) or (links.get(f"{code}-{first}") if not last else None)
        if target is None:
            return match.group(0)
        url, short_title = target
        return term_link(url, match.group(0), short_title)

    return REFERENCE.sub(replace, text)


PROCESSOR = Processor(name="legal", build=build, apply=apply, needs="§")
