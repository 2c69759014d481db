"""Build a page's search document: analysed terms per field, plain text and facet values.

Called from `BasePage.save()`: a full save (publishing, importing) rebuilds the document from
the page's database row, a partial save (a draft revision, unpublishing) only updates `live`,
so draft text never reaches search.
"""

from django.db import transaction

from wagtail.search import index

from core.utils import plain_text
from search.analysis import document_terms, legal_refs, legal_token, ref_token, skeleton, words
from search.lexicon import lexicon
from search.models import SearchDocument, SearchFacet

# Fields that are not body text: they are analysed on their own or not at all.
_OWN_FIELDS = {"title", "summary", "search_synonyms", "ref"}
TEXT_LIMIT = 20_000  # characters of plain text kept for snippets


def is_searchable(page) -> bool:
    return getattr(type(page), "searchable", False)


def page_type(page_or_model) -> str:
    """ "methods.MethodPage", as the page API names types."""
    return f"{page_or_model._meta.app_label}.{page_or_model._meta.object_name}"


def body_text(page) -> str:
    parts = []
    for field in page.get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name not in _OWN_FIELDS:
            parts.append(plain_text(field.get_value(page)))
    return " ".join(p for p in parts if p)


def facet_values(page) -> list[tuple[str, str]]:
    values = [("type", page_type(page))]
    codes = getattr(page, "taxonomy_codes", None)
    if codes:
        names = {**page.TAXONOMY_MANY, **page.TAXONOMY_ONE}
        for field_name, term_codes in codes().items():
            values += [(names.get(field_name, field_name), code) for code in term_codes]
    template_type = getattr(page, "template_type", None)
    if template_type is not None:
        values.append(("template_type", template_type.code))
    return list(dict.fromkeys(values))


def build(page) -> tuple[SearchDocument, list[tuple[str, str]]]:
    language = page.locale.language_code
    vocabulary = lexicon(language)
    summary = " ".join(filter(None, [page.summary, getattr(page, "search_synonyms", "")]))
    body = body_text(page)
    own_refs = [page.ref, *getattr(page, "also_refs", "").split()] if page.ref else []
    title_terms = document_terms(page.title, vocabulary, language)
    for ref in own_refs:
        title_terms.append(ref_token(ref))
        # A legal page is the paragraph itself: "§ 99" finds it as surely as its ref.
        if legal_refs(_ref_as_citation(ref)):
            title_terms.append(legal_token(ref))
    body_terms = document_terms(body, vocabulary, language)
    document = SearchDocument(
        page_id=page.pk,
        locale_id=page.locale_id,
        live=findable(page),
        page_type=page_type(page),
        ref=page.ref,
        title=page.title,
        title_folded=" ".join(skeleton(word) for word in words(page.title))[:400],
        answer_refs=" ".join(getattr(page, "search_answers", list)()),
        summary=page.summary,
        text=body[:TEXT_LIMIT],
        title_terms=" ".join(dict.fromkeys(title_terms)),
        summary_terms=" ".join(document_terms(summary, vocabulary, language)),
        body_terms=" ".join(body_terms),
        body_length=len(body_terms),
    )
    return document, facet_values(page)


def _ref_as_citation(ref: str) -> str:
    """ "SEL-99" → "SEL 99", so the paragraph finder recognises a legal page's own ref."""
    act, _, rest = ref.partition("-")
    return f"{act} {rest.split('-')[0]}" if rest[:1].isdigit() else ""


def update(page) -> None:
    """Rebuild the page's document from the page as saved. A page search does not show (a draft,
    a page behind a restriction) is not analysed: its document, if any, is only marked."""
    if not is_searchable(page):
        return
    if not findable(page):
        _hide(page)
        return
    document, facets = build(page)
    with transaction.atomic():
        document.save()
        SearchFacet.objects.filter(document=document).delete()
        SearchFacet.objects.bulk_create(
            [SearchFacet(document=document, facet=f, value=v) for f, v in facets]
        )


def findable(page) -> bool:
    """Live, and open to everyone: a page behind a password, a login or a group (its own view
    restriction or an ancestor's) is never shown in search, not even its title."""
    return page.live and not page.get_view_restrictions().exists()


def page_saved(page, update_fields) -> None:
    if not is_searchable(page):
        return
    if update_fields is None:
        update(page)
    elif "live" in update_fields:
        set_findable([page])


def _hide(page) -> None:
    for document in SearchDocument.objects.filter(page_id=page.pk, live=True):
        document.live = False
        document.save(update_fields=["live", "updated_at"])


def set_findable(pages) -> None:
    """Pages published, unpublished or restricted: shown in search or not. A page that becomes
    findable is analysed again, as its document is not kept up to date while it is hidden, and
    from its database row: the object a partial save came from may hold a draft."""
    for page in pages:
        if findable(page):
            update(type(page).objects.get(pk=page.pk))
        else:
            _hide(page)


def restriction_changed(instance, **kwargs) -> None:
    """A view restriction was added, changed or removed: the page and everything under it."""
    page = instance.page
    set_findable(page.get_descendants(inclusive=True).specific())
