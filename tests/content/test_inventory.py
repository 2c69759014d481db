"""Every item of the inventory (../shared/docs/domain.md) is a live page carrying its ref."""

from wagtail.models import Page

import pytest

from core.models import BasePage

pytestmark = pytest.mark.django_db

METHODS = [f"M{n:02d}" for n in range(1, 47) if n not in (14, 38)]  # M14 and M38 are unused
TECHNIQUES = [f"T{n:02d}" for n in range(1, 12)]
PRINCIPLES = [f"P{n:02d}" for n in range(1, 10)]
LEGAL = [
    "SEL-12",
    "SEL-60",
    "SEL-KAP11",
    "SEL-81",
    "SEL-82",
    "SEL-83",
    "SEL-85",
    "SEL-96",
    "SEL-97",
    "SEL-98",
    "SEL-99",
    "SEL-101",
    "SEL-102",
    "SEL-103",
    "SEL-104",
    "SEL-107",
    "SEL-108",
    "SEL-107-110",
    "SEL-144",
    "SUL-79",
    "SUL-141",
    "SUL-142",
    "SUL",
    "PSYKL",
    "RPL",
    "STRFL",
    "ABL-115",
    "ABL",
    "G-TAVSHEDSPLIGT",
    "G-SAMTYKKE",
    "G-VEJL1",
    "G-VEJL1-2011",
    "G-VEJL2-2011",
    "G-VEJL1-2006-BILAG1",
    "G-VELFAERDSMIN",
    "G-PSYKIATRIAFTALE-2007",
    "G-SATSPULJE-2008",
    "G-SATSPULJE-2014",
    "G-KI-RETNINGSLINJER",
    "G-SUNDHEDSAFTALE-2007",
    "G-SUNDHEDSAFTALE-2011",
    "G-SUNDHEDSAFTALE-2014-MAALGRUPPER",
    "G-SUNDHEDSAFTALE-2014-INDSATS2",
    "G-RAMMEAFTALER",
    "G-SUNDHEDSAFTALE-TVAERGAAENDE",
    "G-ISHOEJ-KVALITETSSTANDARD",
    "G-LOVOVERVAAGNING-SKP",
]
SECTIONS = [
    *(f"S3.{n}" for n in range(1, 6)),
    *(f"S4.{n}" for n in range(1, 14)),
    *(f"S5.{n}" for n in range(1, 4)),
    "S6.1",
    "S6.2",
]
EXPECTED = {
    "methods.MethodPage": METHODS,
    "methods.TechniquePage": TECHNIQUES,
    "methods.PrinciplePage": PRINCIPLES,
    "legal.LegalPage": LEGAL,
    "guidelines.GuidelinePage": [r for r in SECTIONS if r[:2] in ("S3", "S6") and r != "S6.1"],
    "strategy.InformationStrategyPage": ["S6.1"],
    "downloads.TemplatePage": [r for r in SECTIONS if r.startswith("S4")],
    "projects.ProjectPage": [r for r in SECTIONS if r.startswith("S5")],
}
FULL_ENGLISH = ["M01", "M08", "M12", "M13", "M15", "M18", "M23", "M24", "M37", "M39", "S3.1"]


def live_library_pages(language):
    pages = {}
    for page in Page.objects.live().filter(locale__language_code=language).specific():
        if isinstance(page, BasePage):
            pages[page.ref] = page
    return pages


def test_every_inventory_item_has_a_live_danish_page_of_the_right_type():
    pages = live_library_pages("da")
    missing = []
    for page_type, refs in EXPECTED.items():
        for ref in refs:
            page = pages.get(ref)
            label = page and f"{page._meta.app_label}.{type(page).__name__}"
            if label != page_type:
                missing.append(f"{ref} ({page_type}, found {label})")
    assert missing == []


def test_every_page_has_an_english_title_and_summary():
    danish, english = live_library_pages("da"), live_library_pages("en")
    untranslated = [
        ref
        for refs in EXPECTED.values()
        for ref in refs
        if ref not in english
        or english[ref].title == danish[ref].title
        or not english[ref].summary
        or english[ref].summary == danish[ref].summary
    ]
    assert untranslated == []


@pytest.mark.parametrize("ref", FULL_ENGLISH)
def test_full_english_versions_translate_every_text(ref):
    danish, english = live_library_pages("da")[ref], live_library_pages("en")[ref]
    fields = ["target_group", "purpose", "who", "evidence", "steps", "intro", "body"]
    compared = 0
    for name in fields:
        da_value, en_value = str(getattr(danish, name, "") or ""), str(getattr(english, name, ""))
        if da_value.strip():
            compared += 1
            assert en_value != da_value, f"{ref}.{name} is still Danish"
    assert compared >= 2


def test_refs_are_unique_per_language():
    for language in ("da", "en"):
        refs = [
            p.ref
            for p in Page.objects.live().filter(locale__language_code=language).specific()
            if isinstance(p, BasePage)
        ]
        assert len(refs) == len(set(refs))


def test_every_library_page_cites_its_sources():
    pages = live_library_pages("da")
    without = [ref for refs in EXPECTED.values() for ref in refs if not pages[ref].sources]
    assert without == []
