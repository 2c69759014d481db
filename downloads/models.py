"""Templates and forms practitioners can use: described, downloadable and fillable online."""

from contextlib import nullcontext

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.models import ArticlePage, IndexPage, SourcedPage
from core.snapshot import live_view, page_terms
from core.utils import attachment, rate_limited
from downloads.blocks import FormStreamBlock
from taxonomy.models import TaxonomyMixin, default_locale_terms, localized_terms

DOWNLOAD_CACHE_SECONDS = 7 * 24 * 3600
WRITER_VERSION = 1  # raise when downloads/writers.py changes what the files contain


class TemplateIndexPage(IndexPage):
    subpage_types = ["downloads.TemplatePage"]
    template = "core/index_page.html"
    page_description = _("Templates and forms.")

    class Meta:
        verbose_name = _("template index")


class TemplatePage(RoutablePageMixin, TaxonomyMixin, ArticlePage):
    """A template: what it is for, and its form, defined once as structured content.

    The blank form downloads as DOCX, ODT and PDF (`download/<format>/`), made on demand and
    cached per published revision; `udfyld/` offers the form online and returns the filled
    document without storing anything that was typed.
    """

    form = StreamField(
        FormStreamBlock(),
        verbose_name=_("form"),
        blank=True,
        help_text=_(
            "The template's questions, in sections. Downloads and the online form are made "
            "from this."
        ),
    )
    template_type = models.ForeignKey(
        "taxonomy.TemplateType",
        verbose_name=_("template type"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=default_locale_terms,
    )

    parent_page_types = ["downloads.TemplateIndexPage"]
    subpage_types: list[str] = []
    template = "downloads/template_page.html"
    page_description = _("A template or form: what it is for and what it contains.")

    content_panels = [
        *ArticlePage.content_panels,
        FieldPanel("form"),
        FieldPanel("template_type"),
        *TaxonomyMixin.taxonomy_panels,
        *SourcedPage.source_panels,
    ]
    search_fields = [
        *ArticlePage.search_fields,
        *TaxonomyMixin.taxonomy_search_fields,
        index.FilterField("template_type"),
        index.SearchField("form"),
    ]
    override_translatable_fields = [
        *ArticlePage.override_translatable_fields,
        *TaxonomyMixin.taxonomy_synchronized_fields,
        SynchronizedField("template_type"),
    ]

    class Meta:
        verbose_name = _("template")
        verbose_name_plural = _("templates")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from methods.models import MethodPage

        context["methods"] = self.linked_both_ways(MethodPage, request)
        context["has_form"] = self.has_form()
        context["related"] = [p for p in context["related"] if p not in context["methods"]]
        return context

    def has_form(self):
        """Whether the form has a question, read from the stored data without building it (the
        page view asks; building the definition of an 82-question form is not free)."""
        return any(section["value"].get("questions") for section in self.form.raw_data)

    def form_definition(self):
        from downloads.schema import FormDefinition

        return FormDefinition.from_stream(self.form)

    def document(self, request, answers=None, skipped=()):
        from downloads.writers import Document

        return Document(
            title=self.title,
            intro=self.summary,
            definition=self.form_definition(),
            # The forms are Danish public-sector forms: their questions are written in Danish
            # (an English page shows the same form), so the files are Danish too.
            language="da",
            source_url=self.get_full_url(request) or "",
            answers=answers,
            skipped=set(skipped),
        )

    def file_name(self, file_format, filled=False):
        return f"{self.file_stem()}{'-udfyldt' if filled else ''}.{file_format}"

    @staticmethod
    def file_response(content, file_format, file_name):
        from downloads.writers import FORMATS

        return attachment(content, FORMATS[file_format][0], file_name)

    @path("download/<str:file_format>/", name="download")
    def download(self, request, file_format):
        """The blank form, made once per published revision and format."""
        from downloads.writers import FORMATS, write

        if file_format not in FORMATS or not self.has_form():
            raise Http404
        # The writers' version is in the key too: a deploy that changes the files makes new ones.
        key = f"template-download:{WRITER_VERSION}:{self.pk}:{self.live_revision_id}:{file_format}"
        content = cache.get(key)
        if content is None:
            content = write(self.document(request), file_format)
            cache.set(key, content, DOWNLOAD_CACHE_SECONDS)
        return self.file_response(content, file_format, self.file_name(file_format))

    @path("udfyld/", name="fill")
    def fill(self, request):
        """The form online. A valid answer returns the filled document; nothing is stored."""
        from downloads.forms import FillForm
        from downloads.pdf import PDFBusy, PDFTimeout, filling_slot
        from downloads.writers import write

        definition = self.form_definition()
        if not definition:
            raise Http404
        # Error reports (the DEBUG page, a reporter added later) never show what was typed.
        request.sensitive_post_parameters = "__ALL__"
        status = 200
        if request.method == "POST":
            form = FillForm(definition, request.POST)
            if rate_limited(request, "template-fill", settings.FILL_RATE_LIMIT):
                # The answers are shown again, so nothing typed is lost while the reader waits.
                form.add_error(
                    None,
                    _(
                        "Too many documents in a short time. Wait a while and press the button "
                        "again."
                    ),
                )
                status = 429
            elif form.is_valid():
                file_format = form.cleaned_data["file_format"]
                document = self.document(request, form.answers(), form.skipped())
                try:
                    with filling_slot() if file_format == "pdf" else nullcontext():
                        content = write(document, file_format)
                except PDFBusy:
                    form.add_error(
                        None,
                        _(
                            "Another PDF is being made just now. Press the button again in a "
                            "moment: your answers are kept."
                        ),
                    )
                    status = 503
                except PDFTimeout:
                    form.add_error(
                        None,
                        _(
                            "The PDF took too long to make. Shorten some answers, or choose DOCX "
                            "or ODT."
                        ),
                    )
                    status = 503
                else:
                    response = self.file_response(
                        content, file_format, self.file_name(file_format, filled=True)
                    )
                    response["Cache-Control"] = "no-store"
                    return response
            else:
                status = 400
        else:
            form = FillForm(definition)
        context = self.get_context(request)
        context.update({"form": form, "definition": definition, "fill": True})
        response = TemplateResponse(request, "downloads/fill_form.html", context, status=status)
        response["Cache-Control"] = "no-store"
        return response

    def taxonomy_terms(self, request=None):
        terms = super().taxonomy_terms(request)
        if self.template_type_id:
            if live_view(request, self):
                shown = page_terms(request, self, ["template_type"])["template_type"]
            else:
                shown = localized_terms([self.template_type], self.locale_id)
            terms = {"template_type": shown, **terms}
        return terms
