"""Synonyms are seeded from content/ into the admin, where editors maintain them."""

import pytest

from core.content import Loader
from search.models import SynonymGroup

pytestmark = pytest.mark.django_db


def test_synonym_groups_are_seeded_from_the_inventory():
    skp = next(g for g in SynonymGroup.objects.filter(language="da") if g.term_list()[0] == "SKP")
    assert "støttekontaktperson" in skp.term_list()
    assert SynonymGroup.objects.filter(one_way=True).count() >= 1


def test_an_editors_change_to_a_group_is_kept_on_the_next_import():
    group = next(g for g in SynonymGroup.objects.all() if g.term_list()[0] == "bostøtte")
    group.terms = "bostøtte, socialpædagogisk støtte, § 85, botilbudsstøtte"
    group.save()
    count = SynonymGroup.objects.count()
    Loader().run()
    group.refresh_from_db()
    assert "botilbudsstøtte" in group.term_list()
    assert SynonymGroup.objects.count() == count


def test_editors_find_synonyms_in_the_admin(admin_client):
    body = admin_client.get("/admin/snippets/library_search/synonymgroup/").content.decode()
    assert "støttekontaktperson" in body
