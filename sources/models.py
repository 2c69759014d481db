"""Kilder: a page per source document, with the passages the library cites, quoted.

A source document page says what the document is, who wrote it and when, and lists its parts;
each part has a page of its own (`afsnit/<n>/`) with every cited passage of the part as an
attributed quotation, anchored by its lines ("#L605-610"): a note's link shows at one click what
a statement rests on. The document itself is never shown whole: the quotations come from
sources/passages.json, made by `manage.py extract_passages` from the lines the content cites.
"""

import json
from functools import cache
from pathlib import Path

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail_localize.fields import SynchronizedField

from core.blocks import SOURCE_DOCUMENTS, CheckedStreamBlock
from core.models import BasePage, IndexPage, rich_text_field
from sources.citations import Passage, passages

PASSAGES = Path(__file__).with_name("passages.json")


@cache
def quoted_passages() -> dict[str, dict[str, str]]:
    """{doc: {"605-610": the lines' text}} of every passage the content cites."""
    return json.loads(PASSAGES.read_text(encoding="utf-8")) if PASSAGES.exists() else {}


def paragraphs(text: str) -> list[str]:
    """A quotation's paragraphs: the source's lines joined (its line breaks are the layout of
    the page it was copied from), a new paragraph where the source has an empty line."""
    found, current = [], []
    for line in text.splitlines():
        if line.strip():
            current.append(line.strip())
        elif current:
            found.append(" ".join(current))
            current = []
    if current:
        found.append(" ".join(current))
    return found


class SectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    lines = blocks.CharBlock(label=_("Lines"), max_length=40, help_text=_("E.g. L568–1047."))
    place = blocks.CharBlock(label=_("Municipality or region"), max_length=200, required=False)
    year = blocks.CharBlock(label=_("Year"), max_length=40, required=False)

    class Meta:
        icon = "doc-full"
        label = _("Part of the document")


class PartsStreamBlock(CheckedStreamBlock):
    section = SectionBlock()


class SourceIndexPage(IndexPage):
    subpage_types = ["sources.SourceDocumentPage"]
    template = "core/index_page.html"
    page_description = _("The source documents the library is written from.")

    class Meta:
        verbose_name = _("source index")


class SourceDocumentPage(RoutablePageMixin, BasePage):
    doc = models.CharField(_("document"), max_length=3, choices=SOURCE_DOCUMENTS)
    period = models.CharField(_("period"), max_length=100, blank=True)
    author = models.CharField(_("written by"), max_length=300, blank=True)
    about = rich_text_field(_("about the document"))
    sections = StreamField(PartsStreamBlock(), verbose_name=_("parts"), blank=True)

    parent_page_types = ["sources.SourceIndexPage"]
    subpage_types: list[str] = []
    template = "sources/source_document_page.html"
    page_description = _("One source document: what it is, who wrote it, its parts.")

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("doc"), FieldPanel("period"), FieldPanel("author")],
            heading=_("Document"),
        ),
        FieldPanel("about"),
        FieldPanel("sections"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("doc"),
        APIField("period"),
        APIField("author"),
        APIField("about"),
        APIField("sections"),
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("doc"),
        SynchronizedField("period"),
    ]

    class Meta:
        verbose_name = _("source document")
        verbose_name_plural = _("source documents")

    def parts(self):
        """The document's parts: (number, title, place, year, first line, last line)."""
        found = []
        for number, block in enumerate(self.sections, start=1):
            lines = passages(block.value["lines"], doc=self.doc)
            first, last = (lines[0].start, lines[-1].end) if lines else (0, 0)
            found.append(
                {
                    "number": number,
                    "title": block.value["title"],
                    "place": block.value["place"],
                    "year": block.value["year"],
                    "first": first,
                    "last": last,
                }
            )
        return found

    def passages_in(self, part) -> list[dict]:
        """The cited passages that begin in a part, in line order, with their quoted text."""
        quoted = quoted_passages().get(self.doc, {})
        found = []
        for key, text in quoted.items():
            start, _, end = key.partition("-")
            passage = Passage(self.doc, int(start), int(end or start))
            if part["first"] <= passage.start <= part["last"]:
                found.append({"passage": passage, "text": text})
        return sorted(found, key=lambda item: item["passage"])

    @path("afsnit/<int:number>/", name="part")
    def part_view(self, request, number):
        parts = self.parts()
        if not 1 <= number <= len(parts):
            raise Http404
        part = parts[number - 1]
        quoted = [
            {**item, "paragraphs": paragraphs(item["text"])} for item in self.passages_in(part)
        ]
        return self.render(
            request,
            context_overrides={"part": part, "quoted": quoted},
            template="sources/source_part_page.html",
        )
