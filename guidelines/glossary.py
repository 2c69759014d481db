"""Glossary terms in text explain themselves: the first use of a term on a page links to the
glossary, with the definition shown on hover and keyboard focus (and read by screen readers)."""

import re

from django.db.models import Count, Max

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


def version(locale):
    terms = GlossaryTerm.objects.filter(locale=locale).aggregate(
        n=Count("pk"), changed=Max("updated_at")
    )
    glossary = (
        GlossaryPage.objects.live()
        .filter(locale=locale)
        .aggregate(changed=Max("last_published_at"))
    )
    return (terms["n"], terms["changed"], glossary["changed"])


def apply(text, state, seen):
    pattern, lookup = state

    def replace(match):
        url, definition, code = lookup[match.group(0).lower()]
        if code in seen:
            return match.group(0)
        seen.add(code)
        return term_link(url, match.group(0), definition)

    return pattern.sub(replace, text)


PROCESSOR = Processor(name="glossary", build=build, apply=apply, version=version)
