"""Glossary terms in text explain themselves: the first use of a term on a page links to the
glossary, with the definition shown on hover and keyboard focus (and read by screen readers)."""

import re

from core.richtext import Processor, term_link
from guidelines.models import GlossaryPage, GlossaryTerm


def build(locale):
    """One pattern for all forms of all terms, and {form (lower case): (url, definition)}."""
    glossary = GlossaryPage.objects.live().filter(locale=locale).first()
    if glossary is None:
        return None
    lookup, forms = {}, set()
    for term in GlossaryTerm.objects.filter(locale=locale):
        for form in term.forms():
            forms.add(form)
            lookup[form.lower()] = (f"{glossary.url}#{term.code}", term.definition, term.code)
    if not lookup:
        return None
    forms = sorted(forms, key=len, reverse=True)  # longest first: "KI-plan" before "plan"
    # Abbreviations (ACT, SKP) only match in capitals, so the English word "act" stays plain.
    alternatives = [f"(?-i:{re.escape(f)})" if f.isupper() else re.escape(f) for f in forms]
    pattern = re.compile(r"(?<![\w-])(" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)
    return pattern, lookup


def apply(text, state, seen):
    pattern, lookup = state

    def replace(match):
        url, definition, code = lookup[match.group(0).lower()]
        if code in seen:
            return match.group(0)
        seen.add(code)
        return term_link(url, match.group(0), definition)

    return pattern.sub(replace, text)


PROCESSOR = Processor(name="glossary", build=build, apply=apply)
