"""Import the glossary from content/glossary.yaml (before the pages)."""

import yaml

from guidelines.models import GlossaryTerm


def load_glossary(content_dir, locales):
    path = content_dir / "glossary.yaml"
    if not path.exists():
        return
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    source = locales["da"]
    for entry in entries:
        term = GlossaryTerm.objects.filter(code=entry["code"], locale=source).first()
        term = _upsert(term or GlossaryTerm(code=entry["code"], locale=source), entry["da"])
        for language, locale in locales.items():
            if language != "da" and language in entry:
                translation = term.get_translation_or_none(locale) or term.copy_for_translation(
                    locale
                )
                _upsert(translation, entry[language])


def _upsert(term, values):
    wanted = {
        "term": values["term"],
        "variants": ", ".join(values.get("variants", [])),
        "definition": values["definition"].strip(),
    }
    if term.pk is None or any(getattr(term, k) != v for k, v in wanted.items()):
        for key, value in wanted.items():
            setattr(term, key, value)
        term.save()
    return term
