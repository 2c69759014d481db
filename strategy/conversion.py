"""Turn a knowledge page into an information strategy page, keeping the page itself.

S6.1 (Odense's communication strategy) was a guidelines.GuidelinePage before the strategy app
existed. The page row, its id, its place in the tree, its revisions, its translations and its
links stay; only its type changes, and every field the two types share is carried over, so
nothing an editor wrote is lost. `load_content` then fills in the strategy's own fields.
"""

SHARED_FIELDS = [
    "ref",
    "summary",
    "search_synonyms",
    "also_refs",
    "sources",
    "described_year",
    "historical",
    "last_reviewed",
    "intro",
    "body",
    "category_id",
    "evidence_level_id",
]
SHARED_MANY = ["target_groups", "roles", "sectors", "phases", "places", "audiences"]


def _move_links(old_model, new_model, name, page_id):
    """Move a page's many-to-many rows from one page type's link table to the other's (written
    to the tables: modelcluster keeps `.set()` in memory until a full save)."""
    old_field, new_field = old_model._meta.get_field(name), new_model._meta.get_field(name)
    old_through, new_through = old_field.remote_field.through, new_field.remote_field.through
    rows = old_through.objects.filter(**{f"{old_field.m2m_field_name()}_id": page_id})
    target = old_field.m2m_reverse_field_name()
    new_through.objects.bulk_create(
        [
            new_through(
                **{
                    f"{new_field.m2m_field_name()}_id": page_id,
                    f"{new_field.m2m_reverse_field_name()}_id": getattr(row, f"{target}_id"),
                }
            )
            for row in rows
        ]
    )
    rows.delete()


def convert_guideline_pages(apps, connection_alias, refs):
    GuidelinePage = apps.get_model("guidelines", "GuidelinePage")
    StrategyPage = apps.get_model("strategy", "InformationStrategyPage")
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    strategy_type, _ = ContentType.objects.get_or_create(
        app_label="strategy", model="informationstrategypage"
    )
    converted = []
    for old in GuidelinePage.objects.filter(ref__in=refs):
        new = StrategyPage(page_ptr_id=old.pk)
        # The parent (page) row is already there: the fields it holds are copied so the
        # instance is whole, and raw=True saves the strategy's own table only.
        for field in Page._meta.concrete_fields:
            setattr(new, field.attname, getattr(old, field.attname))
        for name in SHARED_FIELDS:
            setattr(new, name, getattr(old, name))
        new.save_base(raw=True)
        for name in SHARED_MANY:
            _move_links(GuidelinePage, StrategyPage, name, old.pk)
        GuidelinePage.objects.filter(pk=old.pk)._raw_delete(connection_alias)
        Page.objects.filter(pk=old.pk).update(content_type=strategy_type)
        Revision.objects.filter(object_id=str(old.pk)).update(content_type=strategy_type)
        converted.append(old.pk)
    if converted:
        TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
        keys = Page.objects.filter(pk__in=converted).values_list("translation_key", flat=True)
        TranslationSource.objects.filter(object_id__in=list(keys)).update(
            specific_content_type=strategy_type
        )
    return converted
