"""Import the vocabularies from content/taxonomy/vocabularies.yaml (before the pages)."""

import yaml

from taxonomy.models import VOCABULARIES


def _save_if_changed(obj, **values):
    changed = obj.pk is None or any(getattr(obj, k) != v for k, v in values.items())
    for key, value in values.items():
        setattr(obj, key, value)
    if changed:
        obj.save()
    return obj


def load_vocabularies(content_dir, locales):
    path = content_dir / "taxonomy" / "vocabularies.yaml"
    if not path.exists():
        return
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    source = locales["da"]
    for key, entries in data.items():
        model = VOCABULARIES[key]
        for position, entry in enumerate(entries):
            term = model.objects.filter(code=entry["code"], locale=source).first()
            term = _save_if_changed(
                term or model(code=entry["code"], locale=source),
                name=entry["da"],
                sort_order=position,
            )
            for language, locale in locales.items():
                if language == "da" or language not in entry:
                    continue
                translation = term.get_translation_or_none(locale)
                if translation is None:
                    translation = term.copy_for_translation(locale)
                _save_if_changed(
                    translation, name=entry[language], code=term.code, sort_order=position
                )
