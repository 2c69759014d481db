"""Query budgets: the SQL queries each page type costs when it is rendered without the page cache
(a warm process, as a server worker is after its first requests). A change that adds queries to a
page fails here; lower a budget when a change saves some.

What a page shows of the rest of the library (menus, lists of linked pages, terms, translations)
comes from the content snapshot (core/snapshot.py), and the page is found through it
(core/routing.py), as are the site and the view restrictions: a library page costs the content
stamp and the page itself."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.conftest import page_by_ref

pytestmark = pytest.mark.django_db

# (page type, ref of the page measured: the type's most expensive in the library) → (da, en)
BUDGETS = {
    # The news (its newest items and their view restrictions), the readers' "useful" answers and
    # the editors' choice of the most used pages.
    ("core.HomePage", "HOME"): (16, 16),
    ("core.StandardPage", "SITE-OM"): (2, 2),
    ("methods.MethodIndexPage", "SITE-METODER"): (8, 9),
    ("methods.MethodPage", "M08"): (2, 2),
    ("methods.TechniquePage", "T08"): (2, 2),
    ("methods.PrinciplePage", "P09"): (2, 2),
    ("legal.LegalIndexPage", "SITE-LOVGIVNING"): (5, 5),
    ("legal.LegalPage", "G-SAMTYKKE"): (2, 2),
    ("guidelines.GuidelineIndexPage", "SITE-VIDEN"): (7, 7),
    ("guidelines.GuidelinePage", "S6.2"): (2, 2),
    ("guidelines.GlossaryPage", "SITE-ORDLISTE"): (3, 3),
    ("downloads.TemplateIndexPage", "SITE-SKABELONER"): (5, 5),
    ("downloads.TemplatePage", "S4.9"): (2, 2),
    ("projects.ProjectIndexPage", "SITE-PROJEKTER"): (5, 5),
    ("projects.ProjectPage", "S5.2"): (2, 2),
    ("strategy.InformationStrategyPage", "S6.1"): (2, 2),
    ("strategy.NewsIndexPage", "SITE-NYHEDER"): (7, 7),
    ("strategy.NewsPage", "NYHED-001"): (7, 7),
    ("courses.CourseIndexPage", "SITE-KURSER"): (12, 14),
    ("courses.CoursePage", "KURSUS-OPSOEGENDE"): (67, 67),
    ("situations.SituationIndexPage", "SITE-SITUATIONER"): (5, 5),
    ("situations.SituationPage", "SIT-04"): (2, 2),
    ("sources.SourceIndexPage", "SITE-KILDER"): (5, 5),
    ("sources.SourceDocumentPage", "KILDE-002"): (2, 2),
}


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize(("page_type", "ref"), BUDGETS)
def test_page_type_renders_within_its_query_budget(client, page_type, ref, language):
    page = page_by_ref(ref, language)
    assert f"{page._meta.app_label}.{type(page).__name__}" == page_type
    assert client.get(page.url).status_code == 200  # warm the process, as a worker is
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.url)
    assert response.status_code == 200
    budget = BUDGETS[(page_type, ref)][language == "en"]
    assert len(queries) <= budget, "\n".join(q["sql"][:160] for q in queries.captured_queries)
    print(f"{page_type} {ref} {language}: {len(queries)} of {budget}")


def test_every_page_type_has_a_budget():
    from wagtail.models import get_page_models

    from core.models import BasePage

    types = {
        f"{m._meta.app_label}.{m.__name__}"
        for m in get_page_models()
        if issubclass(m, BasePage) and not m._meta.abstract
    }
    assert types - {"methods.SupportingPage"} == {page_type for page_type, _ in BUDGETS}
