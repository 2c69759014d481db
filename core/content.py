"""Import the library's content from `content/` (YAML files, Danish with English translations).

One file is one page: its `ref`, page `type`, `parent` ref and a `da` section with the fields, plus
an optional `en` section that becomes a wagtail-localize translation of the Danish page (imported
as translated segments, so an editor sees it as a translation and sees it go out of date when the
Danish page changes).

The import is idempotent and never overwrites an editor's work: each imported page version is
recorded in `ContentImport` with a checksum of its file section. A page whose file is unchanged is
skipped; a page whose latest revision is not the one we imported has been edited in the admin and
is left alone (reported), unless `force` is given.
"""

import hashlib
import json
import logging
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured, ValidationError
from django.db import connection, transaction
from django.db.models.signals import post_save

from modelsearch import index as search_index
from modelsearch import signal_handlers as search_signals
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, ReferenceIndex, Site
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

import markdown
import polib
import yaml

from core.models import BasePage, ContentImport, SiteSettings

logger = logging.getLogger(__name__)

CONTENT_DIR = Path(settings.BASE_DIR) / "content"
SOURCE_LANGUAGE = "da"
TRANSLATION_LANGUAGES = ("en",)
TOP_LEVEL_KEYS = {
    "ref",
    "type",
    "parent",
    "show_in_menus",
    "position",
    "meta",
    *TRANSLATION_LANGUAGES,
}
# Files beside the pages that apps import themselves (vocabularies, glossary): see `register`.
NON_PAGE_FILES = {"site.yaml", "vocabularies.yaml", "glossary.yaml", "synonyms.yaml"}
# Bump when the way files become pages changes, so every page is imported again.
LOADER_VERSION = "3"


class ContentError(Exception):
    """A content file that cannot become a page; the message names the file and the problem."""


@dataclass
class Item:
    path: Path
    ref: str
    model: type
    parent: str | None
    show_in_menus: bool
    position: int
    languages: dict = field(default_factory=dict)
    meta: dict = field(default_factory=dict)

    def checksum(self, language, *extra):
        shared = self.meta if language == SOURCE_LANGUAGE else None
        payload = json.dumps(
            [
                LOADER_VERSION,
                self.parent,
                self.show_in_menus,
                self.position,
                shared,
                self.languages[language],
                *extra,
            ],
            sort_keys=True,
            default=str,
        )
        return hashlib.sha256(payload.encode()).hexdigest()


@dataclass
class Report:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    translated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    skipped_edited: list = field(default_factory=list)

    @property
    def changed(self):
        return bool(self.created or self.updated or self.translated)


def markdown_to_html(text):
    return markdown.markdown(text.strip(), extensions=["sane_lists"], output_format="html")


def read_items(content_dir=CONTENT_DIR):
    items = {}
    for path in sorted(content_dir.rglob("*.yaml")):
        if path.name in NON_PAGE_FILES or path.name == "README.md":
            continue
        with path.open(encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
        item = _parse_item(path, data)
        if item.ref in items:
            raise ContentError(f"{path}: ref {item.ref} findes også i {items[item.ref].path}")
        items[item.ref] = item
    for item in items.values():
        if item.parent and item.parent not in items:
            raise ContentError(f"{item.path}: forælder {item.parent} findes ikke i content/")
    return _parents_first(items)


def _parse_item(path, data):
    if not isinstance(data, dict):
        raise ContentError(f"{path}: filen skal indeholde én side som et YAML-objekt")
    unknown = set(data) - TOP_LEVEL_KEYS - {SOURCE_LANGUAGE}
    if unknown:
        raise ContentError(f"{path}: ukendte nøgler {sorted(unknown)}")
    for key in ("ref", "type", SOURCE_LANGUAGE):
        if key not in data:
            raise ContentError(f"{path}: mangler nøglen '{key}'")
    try:
        model = apps.get_model(data["type"])
    except (LookupError, ValueError) as exc:
        raise ContentError(f"{path}: ukendt sidetype {data['type']!r}") from exc
    if not issubclass(model, BasePage):
        raise ContentError(f"{path}: {data['type']} er ikke en side i biblioteket")
    languages = {SOURCE_LANGUAGE: data[SOURCE_LANGUAGE]}
    languages.update({lang: data[lang] for lang in TRANSLATION_LANGUAGES if lang in data})
    return Item(
        path=path,
        ref=data["ref"],
        model=model,
        parent=data.get("parent"),
        show_in_menus=bool(data.get("show_in_menus", False)),
        position=int(data.get("position", 100)),
        languages=languages,
        meta=data.get("meta") or {},
    )


def _parents_first(items):
    def depth(item, seen=()):
        if item.parent is None:
            return 0
        if item.ref in seen:
            raise ContentError(f"{item.path}: forældrekæden går i ring")
        return 1 + depth(items[item.parent], (*seen, item.ref))

    return sorted(items.values(), key=lambda i: (depth(i), i.position, i.ref))


# --- Field values --------------------------------------------------------------------------------


def _nested_id(seed, *path):
    """The id of a list item or nested block: derived from its top-level block's id and its
    position, so a re-import keeps it, and a translation's copy has the same ids as its source
    (wagtail-localize pairs their segments by these ids)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "/".join([seed, *map(str, path)])))


def _block_value(block, value, seed, resolve):
    """Turn a YAML value into the raw value of `block`, writing rich text as Markdown, pages
    chosen by their ref, and lists in Wagtail's block format (items with ids), which
    wagtail-localize needs to translate them."""
    if isinstance(block, blocks.RichTextBlock):
        return markdown_to_html(value)
    if isinstance(block, blocks.PageChooserBlock):
        return resolve(value) if value else None
    if isinstance(block, blocks.StructBlock):
        return {
            name: _block_value(block.child_blocks[name], v, _nested_id(seed, name), resolve)
            for name, v in value.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [
            {
                "type": "item",
                "value": _block_value(block.child_block, v, _nested_id(seed, i), resolve),
                "id": _nested_id(seed, i),
            }
            for i, v in enumerate(value)
        ]
    if isinstance(block, blocks.StreamBlock):
        return _stream_data(block, value, resolve=resolve, seed=seed)
    return value


def _stream_data(stream_block, entries, existing_ids=(), resolve=None, seed=None):
    """Raw stream data. Top-level block ids are kept by position so translations keep their
    segments; a nested stream's ids come from its parent's (`seed`)."""
    data = []
    only_type = (
        next(iter(stream_block.child_blocks)) if len(stream_block.child_blocks) == 1 else None
    )
    for index, entry in enumerate(entries):
        if only_type and not (isinstance(entry, dict) and list(entry) == [only_type]):
            entry = {only_type: entry}  # a stream of one block type: entries are its values
        if not isinstance(entry, dict) or len(entry) != 1:
            raise ContentError(f"hver blok skal være ét objekt som {{type: værdi}}, fik {entry!r}")
        ((block_type, value),) = entry.items()
        if block_type not in stream_block.child_blocks:
            raise ContentError(f"ukendt bloktype {block_type!r}")
        if seed is not None:
            block_id = _nested_id(seed, index)
        elif index < len(existing_ids) and existing_ids[index][0] == block_type:
            block_id = existing_ids[index][1]
        else:
            block_id = str(uuid.uuid4())
        child = stream_block.child_blocks[block_type]
        data.append(
            {
                "type": block_type,
                "value": _block_value(child, value, block_id, resolve or _no_pages),
                "id": block_id,
            }
        )
    return data


def _no_pages(ref):
    raise ContentError(f"siden {ref} kan ikke vælges her")


def _stream_ids(stream_value):
    return [(child.block_type, child.id) for child in stream_value] if stream_value else []


# Terms looked up during one run of the loader (a page names the same few codes again and again);
# emptied when a run starts and ends, so it never outlives the run.
_terms = {}


def _term(model, code, path, name):
    """A vocabulary term (a translatable model with a `code`) in the source language."""
    key = (model, code)
    if key not in _terms:
        _terms[key] = model.objects.filter(code=code, locale__language_code=SOURCE_LANGUAGE).first()
    term = _terms[key]
    if term is None:
        raise ContentError(f"{path}: {name}: ukendt kode {code!r} i {model._meta.verbose_name}")
    return term


def apply_fields(page, values, path, resolve=None):
    """Set the page's fields from a file's values; `resolve(ref)` gives the id of the page a
    page chooser names."""
    for name, value in values.items():
        try:
            model_field = page._meta.get_field(name)
        except FieldDoesNotExist as exc:
            raise ContentError(f"{path}: {page._meta.label} har ikke feltet {name!r}") from exc
        related = getattr(model_field, "related_model", None)
        if isinstance(model_field, StreamField):
            try:
                raw = _stream_data(
                    model_field.stream_block,
                    value or [],
                    _stream_ids(getattr(page, name)),
                    resolve=resolve,
                )
            except ContentError as exc:
                raise ContentError(f"{path}: feltet {name}: {exc}") from exc
            setattr(page, name, StreamValue(model_field.stream_block, raw, is_lazy=True))
        elif isinstance(model_field, RichTextField):
            setattr(page, name, markdown_to_html(value or ""))
        elif model_field.many_to_many and related is not None:
            codes = [value] if isinstance(value, str) else (value or [])
            getattr(page, name).set([_term(related, code, path, name) for code in codes])
        elif model_field.many_to_one and related is not None:
            setattr(page, name, _term(related, value, path, name) if value else None)
        elif name == "also_refs" and isinstance(value, list):
            setattr(page, name, " ".join(value))
        else:
            setattr(page, name, value)


def apply_relations(page, relations, pages, path):
    """Links to other pages by ref (`legal_basis: [SEL-99]`), kept in the page's revisions."""
    for key, refs in relations.items():
        relation = page.content_relations[key]
        link_model = page._meta.get_field(relation).related_model
        links = []
        for position, ref in enumerate(refs or []):
            if ref not in pages:
                raise ContentError(f"{path}: {key}: siden {ref} findes ikke i content/")
            # In the file's order: without a sort order the database may return them in any.
            links.append(link_model(target_id=pages[ref].pk, sort_order=position))
        setattr(page, relation, links)


# --- Pages ---------------------------------------------------------------------------------------


_preloaders = []


def update_planner_statistics():
    """ANALYZE after a bulk change. Without statistics SQLite's planner runs Wagtail's full-text
    query inside a scan of every index entry (50 ms for 1,000 pages instead of 3 ms, and worse
    as the library grows); PostgreSQL's autovacuum would get there later on its own."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


@contextmanager
def search_index_deferred():
    """Wagtail's search index of pages (the admin's page search, the API's `?search=`) is
    updated once per imported page at the end, not on each of the several saves an import makes
    (a quarter of the import's time on PostgreSQL). Other models are indexed as they are saved."""
    models = [
        model
        for model in search_index.get_indexed_models()
        if issubclass(model, Page) and getattr(model, "search_auto_update", True)
    ]
    for model in models:
        post_save.disconnect(search_signals.post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(search_signals.post_save_signal_handler, sender=model)


def register_preloader(preloader):
    """Apps import their own files from content/ (vocabularies, glossary) before the pages.

    `preloader(content_dir, locales)` is called in a transaction on every run and must be
    idempotent.
    """
    if preloader not in _preloaders:
        _preloaders.append(preloader)


class Loader:
    def __init__(self, *, force=False, content_dir=CONTENT_DIR):
        self.force = force
        self.content_dir = content_dir
        self.report = Report()
        self.touched = []
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.source_locale = self.locales[SOURCE_LANGUAGE]

    def run(self):
        """Import the Danish pages in one transaction (a file that cannot be imported leaves
        the library as it was), then each translation in a transaction of its own.

        Translations commit one by one because wagtail-localize publishes a translated page
        when its transaction commits; publishing a parent's revision after its children were
        added would write back the parent's stale tree fields. The reference index (the
        admin's "usage" of each page) is updated once per changed page at the end, not on each
        of the several saves an import makes.
        """
        _terms.clear()
        try:
            return self._run()
        finally:
            _terms.clear()

    def _run(self):
        try:
            with disable_reference_index_auto_update(), search_index_deferred():
                with transaction.atomic():
                    items, pages = self.load_sources()
                for item in items:
                    for language in TRANSLATION_LANGUAGES:
                        if language in item.languages:
                            with transaction.atomic():
                                self.load_translation(item, pages[item.ref], language)
        finally:
            # Also after an error: the translations before it are committed.
            # (A page made in a transaction that was rolled back is not there to index.)
            for page in Page.objects.filter(pk__in={p.pk for p in self.touched}).specific():
                ReferenceIndex.create_or_update_for_object(page)
                search_index.insert_or_update_object(page)
        if self.touched:
            update_planner_statistics()
        return self.report

    def load_sources(self):
        for preloader in _preloaders:
            preloader(self.content_dir, self.locales)
        items = read_items(self.content_dir)
        # Pass 1: every page exists (a new one as an unpublished draft), so links can be made.
        pages, created = {}, set()
        for item in items:
            page = self.find_page(item)
            if page is None:
                page = self.create_draft(item, pages)
                created.add(item.ref)
            pages[item.ref] = page
        # Pass 2: fields and links of every new or changed page, published as one revision.
        for item in items:
            pages[item.ref] = self.load_source(item, pages, item.ref in created)
        self.load_site_settings(pages)
        return items, pages

    def find_page(self, item):
        return (
            item.model.objects.filter(ref=item.ref, locale=self.source_locale)
            .select_related("latest_revision")
            .first()
        )

    def parent_page(self, item, pages):
        if item.parent is None:
            return Page.get_first_root_node()
        return pages[item.parent]

    def split_meta(self, item, page):
        relations = {k: v for k, v in item.meta.items() if k in page.content_relations}
        fields = {k: v for k, v in item.meta.items() if k not in relations}
        return fields, relations

    def create_draft(self, item, pages):
        page = item.model(ref=item.ref, locale=self.source_locale, live=False)
        fields, _ = self.split_meta(item, page)
        # A page chosen by ref may not exist yet: the draft leaves it empty, pass 2 fills it in.
        apply_fields(
            page,
            {**fields, **item.languages[SOURCE_LANGUAGE]},
            item.path,
            resolve=lambda ref: pages[ref].pk if ref in pages else None,
        )
        page.show_in_menus = item.show_in_menus
        try:
            self.parent_page(item, pages).add_child(instance=page)
        except ValidationError as exc:
            raise ContentError(f"{item.path}: {exc.message_dict}") from exc
        return page

    def load_source(self, item, pages, created):
        page = pages[item.ref]
        checksum = item.checksum(SOURCE_LANGUAGE)
        record = ContentImport.objects.filter(ref=item.ref, language=SOURCE_LANGUAGE).first()
        if record and record.checksum == checksum and page.live:
            self.report.unchanged.append(item.ref)
            return page
        if self.edited_in_admin(page, record):
            self.report.skipped_edited.append(item.ref)
            logger.warning("%s er redigeret i admin; filen %s er ikke indlæst", item.ref, item.path)
            return page

        fields, relations = self.split_meta(item, page)
        apply_fields(
            page,
            {**fields, **item.languages[SOURCE_LANGUAGE]},
            item.path,
            resolve=lambda ref: self.page_id(ref, pages, item.path),
        )
        apply_relations(page, relations, pages, item.path)
        page.show_in_menus = item.show_in_menus
        try:
            page.full_clean()
        except ValidationError as exc:
            raise ContentError(f"{item.path}: {exc.message_dict}") from exc
        revision = page.save_revision(log_action=True)
        revision.publish()
        ContentImport.objects.update_or_create(
            ref=item.ref,
            language=SOURCE_LANGUAGE,
            defaults={"checksum": checksum, "revision": revision},
        )
        (self.report.created if created else self.report.updated).append(item.ref)
        self.touched.append(page)
        page.refresh_from_db()
        return page

    @staticmethod
    def page_id(ref, pages, path):
        if ref not in pages:
            raise ContentError(f"{path}: siden {ref} findes ikke i content/")
        return pages[ref].pk

    def edited_in_admin(self, page, record):
        if self.force or page.latest_revision_id is None:
            return False
        return record is None or record.revision_id != page.latest_revision_id

    def load_translation(self, item, source_page, language):
        locale = self.locales[language]
        source_record = ContentImport.objects.get(ref=item.ref, language=SOURCE_LANGUAGE)
        checksum = item.checksum(language, source_record.checksum)
        record = ContentImport.objects.filter(ref=item.ref, language=language).first()
        target = source_page.get_translation_or_none(locale)
        if target is not None and record and record.checksum == checksum and target.live:
            self.report.unchanged.append(f"{item.ref}/{language}")
            return
        if target is not None and self.edited_in_admin(target, record):
            self.report.skipped_edited.append(f"{item.ref}/{language}")
            logger.warning("%s/%s er redigeret i admin; ikke indlæst", item.ref, language)
            return

        source, _ = TranslationSource.update_or_create_from_instance(source_page)
        translation, _ = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        translation.import_po(self.po_for(item, source_page, language), tool_name="load_content")
        translation.save_target(publish=True)
        target = source_page.get_translation(locale)
        self.touched.append(target)
        ContentImport.objects.update_or_create(
            ref=item.ref,
            language=language,
            defaults={"checksum": checksum, "revision_id": target.latest_revision_id},
        )
        self.report.translated.append(f"{item.ref}/{language}")

    def po_for(self, item, source_page, language):
        """Pair the Danish and the translated segments of every field the file translates."""
        values = item.languages[language]
        translated_page = source_page.specific_class.objects.get(pk=source_page.pk)
        # Chosen pages are shared with the source (wagtail-localize links the same page and the
        # site shows its translation), so the translated copy keeps the source's choices.
        apply_fields(translated_page, values, item.path, resolve=lambda ref: None)

        def string_segments(page):
            grouped = {}
            for segment in extract_segments(page):
                if isinstance(segment, StringSegmentValue) and segment.path.split(".")[0] in values:
                    grouped.setdefault(segment.path, []).append(segment.string.data)
            return grouped

        source_segments = string_segments(source_page)
        target_segments = string_segments(translated_page)
        po = polib.POFile()
        for path, source_strings in source_segments.items():
            target_strings = target_segments.get(path, [])
            if len(source_strings) != len(target_strings):
                raise ContentError(
                    f"{item.path}: {language}-teksten i {path} har {len(target_strings)} afsnit, "
                    f"den danske har {len(source_strings)}; de skal svare til hinanden"
                )
            for source_string, target_string in zip(source_strings, target_strings, strict=True):
                po.append(polib.POEntry(msgid=source_string, msgctxt=path, msgstr=target_string))
        return po

    def load_site_settings(self, pages):
        path = self.content_dir / "site.yaml"
        if not path.exists():
            return
        with path.open(encoding="utf-8") as fh:
            data = yaml.safe_load(fh) or {}
        site = Site.objects.get(is_default_site=True)
        site_settings = SiteSettings.for_site(site)
        ref = data.get("accessibility_statement")
        if ref not in pages:
            raise ImproperlyConfigured(f"{path}: accessibility_statement {ref!r} er ikke en side")
        wanted = {
            "accessibility_statement_id": pages[ref].pk,
            "contact_email": data.get("contact_email", ""),
        }
        if any(getattr(site_settings, k) != v for k, v in wanted.items()):
            for key, value in wanted.items():
                setattr(site_settings, key, value)
            site_settings.save()
