"""Seed the synonym groups from content/search/synonyms.yaml (domain.md §7.3).

Groups are matched by their first word: a group an editor has changed in the admin keeps the
editor's version, and a new group in the file is added.
"""

import yaml

from search.models import SynonymGroup


def load_synonyms(content_dir, locales):
    path = content_dir / "search" / "synonyms.yaml"
    if not path.exists():
        return
    groups = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    existing = {
        (g.language, g.term_list()[0].casefold()) for g in SynonymGroup.objects.all() if g.terms
    }
    for group in groups:
        language = group.get("language", "da")
        words = group["terms"]
        if (language, words[0].casefold()) in existing:
            continue
        SynonymGroup.objects.create(
            language=language,
            terms=", ".join(words),
            one_way=group.get("one_way", False),
            note=group.get("note", ""),
        )
