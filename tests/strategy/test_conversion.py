"""A knowledge page becomes an information strategy page in place, losing nothing."""

from django.apps import apps
from django.db import connection

from wagtail.models import Page

import pytest

from guidelines.models import GuidelinePage
from strategy.conversion import convert_guideline_pages
from strategy.models import InformationStrategyPage
from tests.conftest import page_by_ref

pytestmark = pytest.mark.django_db


def test_a_guideline_page_is_converted_with_its_fields_links_and_revisions():
    index = page_by_ref("SITE-VIDEN")
    page = GuidelinePage(
        title="Gammel strategi",
        slug="gammel-strategi",
        ref="TEST-KONV",
        summary="Skrevet af en redaktør.",
        intro="<p>Redaktørens indledning.</p>",
        body=[{"type": "paragraph", "value": "<p>Redaktørens tekst.</p>"}],
        historical=True,
        locale=index.locale,
    )
    index.add_child(instance=page)
    page.roles.set(page_by_ref("M13").roles.all())
    page.save_revision().publish()
    roles = {r.code for r in page.roles.all()}
    url, path, revisions = page.url, page.path, page.revisions.count()

    assert convert_guideline_pages(apps, connection.alias, ["TEST-KONV"]) == [page.pk]

    converted = Page.objects.get(pk=page.pk).specific
    assert isinstance(converted, InformationStrategyPage)
    assert not GuidelinePage.objects.filter(pk=page.pk).exists()
    assert (converted.url, converted.path, converted.title) == (url, path, "Gammel strategi")
    assert converted.ref == "TEST-KONV" and converted.historical
    assert converted.summary == "Skrevet af en redaktør."
    assert "Redaktørens indledning." in converted.intro
    assert "Redaktørens tekst." in str(converted.body)
    assert {r.code for r in converted.roles.all()} == roles
    assert converted.revisions.count() == revisions
    assert isinstance(converted.get_latest_revision().as_object(), InformationStrategyPage)
    converted.save_revision().publish()  # and it can be edited and published as its new type
