from wagtail.models import Locale, get_page_models

import pytest

from core.content import Loader


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The real library content, imported once; each test runs inside a rolled-back transaction."""
    with django_db_blocker.unblock():
        Loader().run()


def page_by_ref(ref, language="da"):
    """The live page of the library that carries `ref`, in `language`."""
    for model in _ref_models():
        found = model.objects.live().filter(ref=ref, locale__language_code=language)
        page = found.specific().first()
        if page is not None:
            return page
    raise LookupError(f"no live page {ref} in {language}")


def _ref_models():
    from core.models import BasePage

    return [m for m in get_page_models() if issubclass(m, BasePage) and not m._meta.abstract]


@pytest.fixture
def danish_only_page(db):
    """A published page under the home page that has no English translation."""
    from core.models import StandardPage

    home = page_by_ref("HOME")
    page = StandardPage(
        title="Kun på dansk",
        slug="kun-paa-dansk",
        ref="TEST-DA",
        summary="Uden oversættelse",
        locale=Locale.objects.get(language_code="da"),
        show_in_menus=False,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def pytest_collection_modifyitems(items):
    """Browser tests run last: Playwright's sync API keeps an event loop running for the rest of
    the session, and Django refuses database work in-process while one runs (tests that copy
    the test database for a server of their own, as backup and fault tests do)."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
