"""The reporting form online, in a real browser: accessible, its skip logic, and the download."""

import io
import json

import pytest
from docx import Document as Docx

from tests.browser.conftest import assert_accessible
from tests.browser.test_library_pages import page_url

pytestmark = pytest.mark.browser


def _fill_required(page):
    """Answer every visible question marked as required, the way a practitioner would."""
    for question in page.locator(".fill-question:not([hidden])").all():
        if question.locator(".required").count() == 0:
            continue
        radios = question.locator("input[type=radio]:enabled")
        if radios.count():
            radios.first.check()
            continue
        for field in question.locator("input:enabled, textarea:enabled").all():
            kind = field.get_attribute("type")
            if kind == "date":
                field.fill("2026-11-02")
            elif kind == "number":
                field.fill("3")
            elif kind == "checkbox":
                field.check()
            else:
                field.fill("Prøve")


def test_fill_the_reporting_form_through_its_skip_logic_and_download_it(site_url, page):
    template = page_url(site_url, "downloads.TemplatePage", "S4.2", "da")
    page.goto(template)
    assert_accessible(page)
    page.goto(template + "udfyld/")
    assert_accessible(page)

    question = page.locator(".fill-question[data-skip]").first
    key = question.get_attribute("data-key")
    rule = json.loads(question.get_attribute("data-skip"))[0]
    keys = page.locator(".fill-question").evaluate_all(
        "nodes => nodes.map(n => n.getAttribute('data-key'))"
    )
    between = keys[keys.index(key) + 1 : keys.index(rule["goto"])]
    assert between, "the rule skips at least one question"
    first_skipped = page.locator(f"#q-{between[0]}")
    assert first_skipped.is_visible()

    question.locator(f"input[value='{rule['answers'][0]}']").check()
    assert first_skipped.is_hidden()
    assert page.locator(f"#q-{rule['goto']}").is_visible()

    _fill_required(page)
    page.locator("input[name=file_format][value=docx]").check()
    with page.expect_download() as download:
        page.locator("form[data-skip-form] button[type=submit]").click()
    assert download.value.suggested_filename.endswith("-udfyldt.docx")
    text = "\n".join(
        p.text for p in Docx(io.BytesIO(download.value.path().read_bytes())).paragraphs
    )
    assert "(Sprunget over)" in text
    assert "Prøve" in text or "02.11.2026" in text


def test_errors_are_announced_and_keep_what_was_typed(site_url, page):
    page.goto(page_url(site_url, "downloads.TemplatePage", "S4.2", "da") + "udfyld/")
    typed = page.locator(".fill-question textarea:enabled").first
    typed.fill("Noget jeg har skrevet")
    page.locator("form[data-skip-form] button[type=submit]").click()
    page.wait_for_selector("#error-summary")
    assert page.locator("#error-summary").evaluate("el => el === document.activeElement")
    assert "Besvar spørgsmål" in page.locator("#error-summary").inner_text()
    assert page.locator(".fill-question textarea:enabled").first.input_value() == (
        "Noget jeg har skrevet"
    )
    assert_accessible(page)
