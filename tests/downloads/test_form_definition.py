"""The form definition editors build in the admin: checked before it can be published."""

import copy

from django.core.exceptions import ValidationError
from django.utils import translation

from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

import pytest

from downloads.blocks import FormStreamBlock
from downloads.schema import FormDefinition
from tests.downloads.conftest import EXAMPLE_FORM


def clean(raw):
    """Clean as the admin does; errors come back with their messages in Danish."""
    block = FormStreamBlock()
    with translation.override("da"):
        try:
            return block.clean(block.to_python(raw))
        except ValidationError as error:
            error.messages_da = str(error.as_json_data())
            raise


def test_the_example_form_is_valid_and_reads_as_sections_and_questions():
    definition = FormDefinition.from_stream(clean(EXAMPLE_FORM))
    assert [s.title for s in definition.sections] == [
        "Del 1: Om indberetningen",
        "Del 2: Kontakten",
    ]
    assert [q.key for q in definition.questions()][:3] == ["q1", "q2", "q3"]
    assert definition.question("q6").options[-1].text == "Ved ikke (77)"


def test_two_questions_cannot_share_a_key():
    raw = copy.deepcopy(EXAMPLE_FORM)
    raw[1]["value"]["questions"][0]["value"]["key"] = "q1"
    with pytest.raises(StreamBlockValidationError) as error:
        clean(raw)
    assert "To spørgsmål har nøglen q1." in error.value.messages_da


def test_a_skip_rule_must_go_to_a_question_that_exists():
    raw = copy.deepcopy(EXAMPLE_FORM)
    raw[0]["value"]["questions"][5]["value"]["skip"] = [{"answers": "3", "goto": "q99"}]
    with pytest.raises(StreamBlockValidationError) as error:
        clean(raw)
    assert "q99" in error.value.messages_da


def test_a_skip_rule_must_name_codes_the_question_has_and_codes_are_unique():
    raw = copy.deepcopy(EXAMPLE_FORM)
    raw[0]["value"]["questions"][5]["value"]["skip"] = [{"answers": "9", "goto": "q8"}]
    with pytest.raises(StreamBlockValidationError) as error:
        clean(raw)
    assert "koden 9" in error.value.messages_da
    raw = copy.deepcopy(EXAMPLE_FORM)
    raw[0]["value"]["questions"][5]["value"]["options"][1]["code"] = "1"
    with pytest.raises((StreamBlockValidationError, StructBlockValidationError)) as error:
        clean(raw)
    assert "samme kode" in error.value.messages_da


def test_skip_logic_skips_the_questions_in_between_and_not_the_target():
    definition = FormDefinition.from_stream(clean(EXAMPLE_FORM))
    assert definition.skipped({"q6": "3"}) == {"q7"}
    assert definition.skipped({"q6": "4"}) == {"q7"}
    assert definition.skipped({"q6": "1"}) == set()
    assert definition.skipped({}) == set()
    assert definition.skip_notes(definition.question("q6")) == [(["3", "4"], "8")]


@pytest.mark.django_db
def test_editors_edit_the_form_in_the_admin(admin_client):
    from tests.conftest import page_by_ref

    page = page_by_ref("S4.2")
    body = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Skabelonens spørgsmål i afsnit" in body


@pytest.mark.parametrize("key", ["file_format", "q 6", "Q6", "q__6", "6q", ""])
def test_question_keys_are_short_lower_case_names(key):
    raw = copy.deepcopy(EXAMPLE_FORM)
    raw[0]["value"]["questions"][0]["value"]["key"] = key
    with pytest.raises((StreamBlockValidationError, StructBlockValidationError)):
        clean(raw)


def test_a_skip_rule_cannot_go_backwards():
    raw = copy.deepcopy(EXAMPLE_FORM)
    raw[0]["value"]["questions"][5]["value"]["skip"] = [{"answers": "3", "goto": "q2"}]
    with pytest.raises(StreamBlockValidationError) as error:
        clean(raw)
    assert "q2" in error.value.messages_da
