"""load_content imports content/ as pages and translations, and never loses an editor's work."""

from django.core.management import call_command

from wagtail.models import Page, Revision
from wagtail_localize.models import Translation

import pytest

from core.content import ContentError, Loader, read_items
from tests.conftest import page_by_ref

pytestmark = pytest.mark.django_db


def test_every_content_file_becomes_a_live_page():
    for item in read_items():
        page = page_by_ref(item.ref)
        assert page.title == item.languages["da"]["title"]
        if "en" in item.languages:
            assert page_by_ref(item.ref, "en").title == item.languages["en"]["title"]


def test_a_second_run_changes_nothing():
    revisions = Revision.objects.count()
    report = Loader().run()
    assert not report.changed
    assert not report.skipped_edited
    assert Revision.objects.count() == revisions


def test_command_reports_what_it_did(capsys):
    call_command("load_content")
    out = capsys.readouterr().out
    assert "0 oprettet, 0 opdateret, 0 oversat" in out


def test_english_pages_are_wagtail_localize_translations_of_the_danish_ones():
    danish = page_by_ref("SITE-OM")
    english = page_by_ref("SITE-OM", "en")
    assert english.translation_key == danish.translation_key
    translation = Translation.objects.get(
        source__object_id=danish.translation_key, target_locale__language_code="en"
    )
    assert translation.source.locale.language_code == "da"
    total, done = translation.get_progress()
    assert done == total > 0  # every segment of the Danish page has its English translation
    assert "Who is the library for?" in str(english.body)


def write_test_page(content, danish="Første udgave.", english="First edition."):
    (content / "home.yaml").write_text("ref: HOME\ntype: core.HomePage\nda:\n  title: Hjem\n")
    (content / "page.yaml").write_text(
        "ref: TEST-PAGE\ntype: core.StandardPage\nparent: HOME\n"
        f"da:\n  title: Prøveside\n  slug: proeve\n  body:\n    - paragraph: {danish}\n"
        f"en:\n  title: Test page\n  slug: test\n  body:\n    - paragraph: {english}\n",
        encoding="utf-8",
    )


@pytest.fixture
def load(django_capture_on_commit_callbacks):
    """Run the loader as `load_content` does: wagtail-localize publishes on commit."""

    def run(content_dir):
        with django_capture_on_commit_callbacks(execute=True):
            return Loader(content_dir=content_dir).run()

    return run


def test_an_edit_in_the_admin_is_kept_when_the_file_is_unchanged():
    page = page_by_ref("SITE-OM")
    page.intro = "Redaktørens nye indledning"
    page.save_revision().publish()
    report = Loader().run()
    assert not report.changed
    assert page_by_ref("SITE-OM").intro == "Redaktørens nye indledning"


def test_an_edit_in_the_admin_is_not_overwritten_by_a_changed_file(tmp_path, load):
    write_test_page(tmp_path)
    load(tmp_path)
    page = page_by_ref("TEST-PAGE")
    page.title = "Redaktørens titel"
    page.save_revision().publish()
    write_test_page(tmp_path, danish="Ændret i filen.")
    report = load(tmp_path)
    assert report.skipped_edited == ["TEST-PAGE"]
    assert page_by_ref("TEST-PAGE").title == "Redaktørens titel"


def test_a_changed_file_updates_the_page_and_its_translation(tmp_path, load):
    write_test_page(tmp_path)
    load(tmp_path)
    assert "First edition." in str(page_by_ref("TEST-PAGE", "en").body)

    write_test_page(tmp_path, danish="Anden udgave.", english="Second edition.")
    report = load(tmp_path)
    assert "TEST-PAGE" in report.updated
    assert "TEST-PAGE/en" in report.translated
    assert "Anden udgave." in str(page_by_ref("TEST-PAGE").body)
    assert "Second edition." in str(page_by_ref("TEST-PAGE", "en").body)


TABLE_PAGE = """ref: TEST-TABLE
type: core.StandardPage
parent: HOME
da:
  title: Tabelside
  slug: tabel
  body:
    - table:
        caption: Tal fra kilden
        header: [Tal, Hvad]
        rows:
          - ["33.000", "Stofafhængige"]
en:
  title: Table page
  slug: table
  body:
    - table:
        caption: Figures from the source
        header: [Figure, What]
        rows:
          - ["33,000", "Drug-dependent people"]
"""


def test_lists_inside_blocks_are_translated_and_keep_their_ids(tmp_path, load):
    """Tables (lists of lists) are translated cell by cell: the loader writes lists in Wagtail's
    block format, with ids a re-import keeps and the translation shares."""
    (tmp_path / "home.yaml").write_text("ref: HOME\ntype: core.HomePage\nda:\n  title: Hjem\n")
    (tmp_path / "table.yaml").write_text(TABLE_PAGE, encoding="utf-8")
    load(tmp_path)
    english = page_by_ref("TEST-TABLE", "en").body[0].value
    assert list(english["header"]) == ["Figure", "What"]
    assert list(english["rows"][0]) == ["33,000", "Drug-dependent people"]
    danish = page_by_ref("TEST-TABLE")
    ids = [item.id for item in danish.body[0].value["header"].bound_blocks]
    (tmp_path / "table.yaml").write_text(
        TABLE_PAGE.replace("Tabelside", "Tabellen"), encoding="utf-8"
    )
    load(tmp_path)
    again = page_by_ref("TEST-TABLE")
    assert again.title == "Tabellen"
    assert [item.id for item in again.body[0].value["header"].bound_blocks] == ids


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ref: X1\ntype: core.Nothing\nda:\n  title: x\n", "ukendt sidetype"),
        ("ref: X1\ntype: core.StandardPage\nparent: NOPE\nda:\n  title: x\n", "forælder NOPE"),
        ("ref: X1\ntype: core.StandardPage\nda:\n  title: x\n  colour: red\n", "feltet 'colour'"),
        ("type: core.StandardPage\nda:\n  title: x\n", "mangler nøglen 'ref'"),
        (
            "ref: X1\ntype: core.StandardPage\nparent: HOME\nda:\n  title: x\n  body:\n"
            "    - paragraph: Et afsnit.\nen:\n  title: y\n  body:\n"
            '    - paragraph: "One.\\n\\nTwo."\n',
            "de skal svare til hinanden",
        ),
    ],
)
def test_a_broken_file_gets_a_clear_message_and_changes_nothing(tmp_path, text, message):
    (tmp_path / "home.yaml").write_text("ref: HOME\ntype: core.HomePage\nda:\n  title: Hjem\n")
    (tmp_path / "broken.yaml").write_text(text)
    pages = Page.objects.count()
    with pytest.raises(ContentError, match=message):
        Loader(content_dir=tmp_path).run()
    assert Page.objects.filter(title="y").count() == 0
    assert Page.objects.count() in (pages, pages + 1)  # at most the Danish page, never half a one


def test_an_edit_to_the_danish_source_shows_the_english_translation_as_out_of_date():
    danish = page_by_ref("M08")
    translation = Translation.objects.get(
        source__object_id=danish.translation_key, target_locale__language_code="en"
    )
    total, done = translation.get_progress()
    assert done == total  # imported complete

    danish.purpose = danish.purpose + "<p>Et nyt afsnit, som endnu ikke er oversat.</p>"
    danish.save_revision().publish()
    translation.source.update_from_db()  # what the admin's "Sync translated pages" does
    total, done = translation.get_progress()
    assert done == total - 1


def test_links_keep_the_order_of_the_file():
    """Each link has its place, so no database (or a restored copy) can list them otherwise."""
    method = page_by_ref("M08")
    links = list(method.technique_links.all())
    assert [link.sort_order for link in links] == list(range(len(links)))
    assert [link.target.specific.ref for link in links] == [
        "T01", "T02", "T03", "T05", "T06", "T07", "T09"
    ]  # fmt: skip
