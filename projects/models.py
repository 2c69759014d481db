"""Projects, cases and the municipalities and regions behind the experience."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField

from core.models import ArticlePage, BasePage, IndexPage, SourcedPage
from taxonomy.models import TaxonomyMixin


class ProjectIndexPage(IndexPage):
    subpage_types = ["projects.ProjectPage"]
    template = "core/index_page.html"
    page_description = _("Projects, cases and the municipalities behind them.")

    class Meta:
        verbose_name = _("project index")


class ProjectPage(TaxonomyMixin, ArticlePage):
    period = models.CharField(_("period"), max_length=200, blank=True)
    responsible = models.CharField(_("responsible"), max_length=300, blank=True)

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types: list[str] = []
    template = "projects/project_page.html"
    page_description = _("A project, case or municipality description.")

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([FieldPanel("period"), FieldPanel("responsible")], heading=_("Project")),
        *ArticlePage.content_panels[len(BasePage.content_panels) :],
        *TaxonomyMixin.taxonomy_panels,
        *SourcedPage.source_panels,
    ]
    search_fields = [*ArticlePage.search_fields, *TaxonomyMixin.taxonomy_search_fields]
    api_fields = [*ArticlePage.api_fields, APIField("period"), APIField("responsible")]
    override_translatable_fields = [
        *ArticlePage.override_translatable_fields,
        *TaxonomyMixin.taxonomy_synchronized_fields,
    ]

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
