"""UI strings go through gettext, and the Danish catalogue is complete and compiled."""

from pathlib import Path

from django.utils import translation

import polib

LOCALE = Path(__file__).resolve().parents[2] / "locale" / "da" / "LC_MESSAGES"


def test_danish_catalogue_is_complete():
    po = polib.pofile(LOCALE / "django.po")
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    assert len(po.translated_entries()) > 20


def test_compiled_catalogue_matches_the_source():
    # By context and text: "Search" on a button ("Søg") is not "Search" the noun ("Søgning").
    po = {
        (e.msgctxt, e.msgid): e.msgstr
        for e in polib.pofile(LOCALE / "django.po").translated_entries()
    }
    mo = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(LOCALE / "django.mo") if e.msgid}
    assert mo == po, "run `make messages` to compile locale/da/LC_MESSAGES/django.mo"


def test_interface_strings_are_danish_in_danish_and_english_in_english():
    with translation.override("da"):
        assert translation.gettext("Skip to content") == "Gå til indhold"
    with translation.override("en"):
        assert translation.gettext("Skip to content") == "Skip to content"
