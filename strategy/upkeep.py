"""Keeping the library current: pages due for review, and links inside the library that lead
nowhere. The admin reports in strategy/reports.py show them."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.models import Page, PageViewRestriction, ReferenceIndex, get_page_models

from core.models import ReviewMixin

# The review report also lists pages that fall due within this many days.
DUE_SOON_DAYS = 30


@dataclass
class ReviewRow:
    page: Page
    last_reviewed: date | None
    review_due: date
    days: int  # days past the due date (negative: days left)

    @property
    def status(self):
        if self.days > 0:
            return ngettext("Overdue by %(days)d day", "Overdue by %(days)d days", self.days) % {
                "days": self.days
            }
        if self.days == 0:
            return _("Due today")
        return ngettext("Due in %(days)d day", "Due in %(days)d days", -self.days) % {
            "days": -self.days
        }


def review_models():
    return [m for m in get_page_models() if issubclass(m, ReviewMixin) and not m._meta.abstract]


def pages_due_for_review(pages=None, *, within_days=DUE_SOON_DAYS, today=None):
    """Pages whose review falls due within `within_days` (or is past), most overdue first;
    `pages` limits them (a queryset of pages the user may edit)."""
    today = today or timezone.localdate()
    limit = today + timedelta(days=within_days)
    allowed = set(pages.values_list("pk", flat=True)) if pages is not None else None
    due = {}
    for model in review_models():
        rows = model.objects.filter(review_due__lte=limit).values_list(
            "pk", "last_reviewed", "review_due"
        )
        for pk, last_reviewed, review_due in rows:
            if allowed is None or pk in allowed:
                due[pk] = (last_reviewed, review_due)
    found = Page.objects.filter(pk__in=due).select_related("locale", "content_type")
    rows = [ReviewRow(page, *due[page.pk], (today - due[page.pk][1]).days) for page in found]
    return sorted(rows, key=lambda row: (row.review_due, row.page.title))


@dataclass
class BrokenLink:
    page: Page
    field: str
    target: str
    problem: str


def _tracked_targets():
    """The kinds of object a library page links to, by their content type id."""
    kinds = {ContentType.objects.get_for_model(Page).pk: "page"}
    for label, kind in (("wagtaildocs.Document", "document"), ("wagtailimages.Image", "image")):
        model = apps.get_model(label)
        kinds[ReferenceIndex._get_base_content_type(model).pk] = kind
    return kinds


def broken_links(pages=None):
    """Links on live pages (rich text, page choosers, related pages, documents, images) to a page
    that is deleted, unpublished or private, or to a document or image that is deleted.

    The live content is scanned with the reference index's own extraction, not read from the
    index: Wagtail removes a deleted page's entries from the index, though the links to it stay
    in the pages that carried them."""
    kinds = _tracked_targets()
    sources = (pages if pages is not None else Page.objects.all()).live().specific()
    found = []  # (source page, content type id, object id, model path, content path)
    for page in sources:
        for ct_id, object_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(page)
        ):
            if ct_id in kinds and model_path not in ("alias_of", "locked_by", "owner"):
                found.append((page, ct_id, object_id, model_path, content_path))
    page_ids = {int(r[2]) for r in found if kinds[r[1]] == "page" and r[2].isdigit()}
    targets = Page.objects.filter(pk__in=page_ids).in_bulk()
    restricted = {
        p.pk
        for r in PageViewRestriction.objects.select_related("page")
        for p in Page.objects.filter(pk__in=page_ids).descendant_of(r.page, inclusive=True)
    }
    existing = {
        ct_id: {
            str(pk)
            for pk in ContentType.objects.get_for_id(ct_id)
            .model_class()
            .objects.filter(pk__in=[r[2] for r in found if r[1] == ct_id])
            .values_list("pk", flat=True)
        }
        for ct_id, kind in kinds.items()
        if kind != "page"
    }
    rows = []
    for page, ct_id, object_id, model_path, content_path in found:
        kind = kinds[ct_id]
        if kind == "page":
            target = targets.get(int(object_id)) if object_id.isdigit() else None
            if target is None:
                problem, label = _("The page no longer exists"), f"id {object_id}"
            elif not target.live:
                problem, label = _("The page is not published"), target.title
            elif target.pk in restricted:
                problem, label = _("The page is private"), target.title
            else:
                continue
        elif object_id in existing[ct_id]:
            continue
        else:
            problem = (
                _("The document no longer exists")
                if kind == "document"
                else _("The image no longer exists")
            )
            label = f"id {object_id}"
        reference = ReferenceIndex(
            content_type=ContentType.objects.get_for_model(page),
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=str(page.pk),
            to_content_type_id=ct_id,
            to_object_id=object_id,
            model_path=model_path,
            content_path=content_path,
        )
        rows.append(BrokenLink(page, reference.describe_source_field(), label, problem))
    return sorted(rows, key=lambda row: (row.page.title, row.field))
