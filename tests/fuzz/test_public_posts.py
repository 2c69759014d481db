"""Hostile posts to the fill form of every template page and to the page feedback form."""

from datetime import date
from decimal import Decimal

from wagtail.models import Page

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from downloads.forms import MAX_TOTAL_TEXT, field_names
from strategy.feedback import MAX_COMMENT_LENGTH
from strategy.models import PageFeedback
from tests.fuzz.harness import FUZZ, changed, keeps_cpr, table_counts
from tests.fuzz.values import (
    HEADER_VALUES,
    WORDS,
    any_text,
    as_headers,
    cpr_text,
    hostile,
    huge_int,
    live,
    long_text,
    nasty,
    page_ids,
)

pytestmark = pytest.mark.django_db


def test_the_cpr_check_sees_cpr_numbers():
    """The check the stored text gets recognises CPR numbers as typed, and what masks them."""
    for text in [
        "010190-1234",
        "0101901234",
        "cpr 010190 1234.",
        "０１０１９０１２３４",
        "⁰¹⁰¹⁹⁰-¹²³⁴",
    ]:
        assert keeps_cpr(text), text
    for text in ["[tal]", "[tal]-1234", "12345-1234", "2024", "§ 99", "01019012345"]:
        assert not keeps_cpr(text), text


# --- 2. The form POSTs --------------------------------------------------------------------------


def _date_text(day: date, style: str) -> str:
    y, m, d = f"{day.year:04d}", f"{day.month:02d}", f"{day.day:02d}"
    return {
        "iso": f"{y}-{m}-{d}",
        "dot": f"{d}.{m}.{y}",
        "dash": f"{d}-{m}-{y}",
        "slash": f"{d}/{m}/{y}",
    }[style]


dates = st.builds(_date_text, st.dates(), st.sampled_from(["iso", "dot", "dash", "slash"]))
decimals = st.decimals(
    min_value=0, max_value=Decimal("9999999999.99"), places=2, allow_nan=False, allow_infinity=False
).map(str)
# Long answers are one branch of six: the answers of a form may hold 20,000 characters in all
# (downloads/forms.py), and most posts should come to a document.
text_answer = st.one_of(
    any_text,
    nasty,
    cpr_text,
    st.sampled_from(WORDS),
    any_text,
    st.one_of(
        long_text,
        st.sampled_from(
            ["x" * 5000, "ø" * 5000, "\x00" * 5000 + "a", "§ 99 " * 1000, "<b>" * 1250, "\n" * 5000]
        ),
    ),
)
hostile_values = st.one_of(
    hostile().map(lambda v: [v]),
    st.lists(st.one_of(nasty, huge_int, any_text), min_size=2, max_size=3),
    st.sampled_from([["x" * 5001], ["1" * 100], ["-1"], ["99999999999999.999"]]),
)


def _valid(question, sub_kind=None):
    """{field name: [values]} that answers the question validly (text may be anything up to
    5000 characters)."""
    names = field_names(question)
    kind = question.kind
    codes = [o.code for o in question.options]
    if kind in ("text", "textarea"):
        return st.fixed_dictionaries({names[0]: text_answer.map(lambda v: [v])})
    if kind == "date":
        return st.fixed_dictionaries({names[0]: dates.map(lambda v: [v])})
    if kind == "number":
        return st.fixed_dictionaries({names[0]: decimals.map(lambda v: [v])})
    if kind == "quarter":
        return st.fixed_dictionaries(
            {
                names[0]: st.sampled_from(["1", "2", "3", "4"]).map(lambda v: [v]),
                names[1]: st.integers(1990, 2100).map(lambda v: [str(v)]),
            }
        )
    if kind == "duration":
        return st.fixed_dictionaries(
            {
                names[0]: st.integers(0, 10_000).map(lambda v: [str(v)]),
                names[1]: st.integers(0, 59).map(lambda v: [str(v)]),
            }
        )
    if kind == "single" and codes:
        return st.fixed_dictionaries({names[0]: st.sampled_from(codes).map(lambda v: [v])})
    if kind == "multiple" and codes:
        return st.fixed_dictionaries({names[0]: st.lists(st.sampled_from(codes), unique=True)})
    if kind == "checklist" and question.items:
        items = [str(i) for i in range(len(question.items))]
        return st.fixed_dictionaries({names[0]: st.lists(st.sampled_from(items), unique=True)})
    if kind == "consent":
        return st.fixed_dictionaries({names[0]: st.sampled_from([["on"], ["true"], []])})
    if kind == "matrix" and codes:
        return st.fixed_dictionaries(
            {name: st.sampled_from(codes).map(lambda v: [v]) for name in names}
        )
    if kind == "repeat":
        makers = {"date": dates, "number": decimals, "textarea": text_answer}
        cells = {}
        for row in range(question.row_count):
            for column, sub in enumerate(question.fields):
                maker = makers.get(sub.kind, text_answer)
                cells[f"{question.key}__{row}__{column}"] = maker.map(lambda v: [v])
        return st.fixed_dictionaries({}, optional=cells)
    return st.just({})


def _hostile(question):
    return st.fixed_dictionaries({}, optional=dict.fromkeys(field_names(question), hostile_values))


def fill_posts(definition, formats):
    """Answers to a form: all valid, valid but for a few questions, or random."""
    questions = definition.questions()
    names = [name for q in questions for name in field_names(q)]
    file_format = st.sampled_from(formats).map(lambda v: [v])

    def merge(parts, fmt):
        data = {"file_format": fmt}
        for part in parts:
            data.update(part)
        return data

    all_valid = st.builds(merge, st.tuples(*(_valid(q) for q in questions)), file_format)

    def near(broken):
        parts = [_hostile(q) if i in broken else _valid(q) for i, q in enumerate(questions)]
        return st.builds(merge, st.tuples(*parts), file_format)

    near_valid = st.sets(st.integers(0, len(questions) - 1), min_size=1, max_size=3).flatmap(near)
    random = st.builds(
        merge,
        st.tuples(
            st.fixed_dictionaries({}, optional=dict.fromkeys(names, hostile_values)),
            st.dictionaries(st.one_of(any_text, nasty), hostile_values, max_size=3),
        ),
        st.one_of(file_format, hostile_values, st.just([])),
    )
    return st.one_of(all_valid, near_valid, random)


def _fill_check(fuzz, before, documents=None):
    def check(response, described):
        if documents is not None and "attachment" in response.get("Content-Disposition", ""):
            documents.append(response["Content-Type"])
        after = table_counts()
        if after != before:
            fuzz.violation(f"a filled template stored rows {changed(before, after)}: {described}")

    return check


def _largest_text_answers(definition, fmt, text, total=None):
    """Every question answered, every text field with `text`, or with as much of it as keeps all
    the answers within `total` characters: the heaviest document a form makes."""
    if total is not None:
        fields = sum(
            1 if q.kind in ("text", "textarea") else q.row_count * len(q.fields)
            for q in definition.questions()
            if q.kind in ("text", "textarea", "repeat")
        )
        text = (text * total)[: max(1, (total - 2000) // max(1, fields))]
    data = {"file_format": [fmt]}
    for q in definition.questions():
        names = field_names(q)
        codes = [o.code for o in q.options]
        if q.kind in ("text", "textarea"):
            data[names[0]] = [text]
        elif q.kind == "repeat":
            for row in range(q.row_count):
                for column, sub in enumerate(q.fields):
                    value = {"date": "31.12.9999", "number": "9999999999.99"}.get(sub.kind, text)
                    data[f"{q.key}__{row}__{column}"] = [value]
        elif q.kind == "date":
            data[names[0]] = ["0001-01-01"]
        elif q.kind == "number":
            data[names[0]] = ["9999999999.99"]
        elif q.kind == "quarter":
            data[names[0]], data[names[1]] = ["4"], ["2100"]
        elif q.kind == "duration":
            data[names[0]], data[names[1]] = ["10000"], ["59"]
        elif q.kind in ("single", "matrix") and codes:
            for name in names:
                data[name] = [codes[-1]]
        elif q.kind == "multiple" and codes:
            data[names[0]] = codes
        elif q.kind == "checklist":
            data[names[0]] = [str(i) for i in range(len(q.items))]
        elif q.kind == "consent":
            data[names[0]] = ["on"]
    return data


def _text_fields(definition):
    return [
        n
        for q in definition.questions()
        if q.kind in ("text", "textarea", "repeat")
        for n in field_names(q)
    ]


def _fillable():
    pages = [p for p in live("downloads.TemplatePage") if p.has_form()]
    return [(p, p.form_definition()) for p in pages]


def test_template_fill_forms_store_nothing(fuzz):
    """Random, near-valid and valid answers (DOCX and ODT) to the form of every template."""
    fillable = _fillable()
    assert len(fillable) >= 20, "every fillable template, in Danish and English"
    for page, _definition in fillable[:: max(1, len(fillable) // 12)]:
        fuzz.get(f"{page.url}udfyld/", [("q", "\x00")])
    strategies = [
        st.tuples(st.just(f"{page.url}udfyld/"), fill_posts(definition, ["docx", "odt"]))
        for page, definition in fillable
    ]

    @settings(FUZZ, max_examples=140)
    @given(case=st.one_of(strategies))
    def run(case):
        url, data = case
        fuzz.post(url, data, check=_fill_check(fuzz, table_counts(), documents))

    documents = []
    largest_page, largest = max(fillable, key=lambda pair: len(pair[1].questions()))
    url = f"{largest_page.url}udfyld/"
    for fmt, text in [("docx", "ø"), ("odt", "\x00<&>"), ("docx", "010190-1234 ")]:
        run = example(case=(url, _largest_text_answers(largest, fmt, text, MAX_TOTAL_TEXT)))(run)
    run = example(case=(url, _largest_text_answers(largest, "docx", "ø" * 5000)))(run)
    run = example(case=(url, {"file_format": ["docx"], "\x00": ["\x00"]}))(run)
    run = example(case=(url, {"file_format": ["pdf", "docx"]}))(run)
    run = example(case=(url, {"file_format": ["x" * 5000]}))(run)
    run()
    # A body the form parser has to decode: broken percent-encoding, many fields, NUL names.
    for body in [
        "file_format=docx&%ZZ=%E3%80",
        "&".join(f"f{i}=1" for i in range(1200)),
        "file_format=pdf&%00=%00",
        "=" * 3000,
    ]:
        fuzz.post(
            url,
            body,
            content_type="application/x-www-form-urlencoded",
            check=_fill_check(fuzz, table_counts()),
        )
    # Valid answers came to documents, in both formats: the check above was not only of errors.
    if len(documents) < 20 or len(set(documents)) != 2:
        fuzz.violation(f"too few documents were made to check: {len(documents)}, {set(documents)}")
    fuzz.assert_clean()


def test_template_fill_forms_as_pdf(fuzz):
    """PDF is written by a child process (downloads/pdf.py) and takes a second or more: a few
    valid answers, and the largest form with every text field as long as the form allows."""
    fillable = _fillable()
    largest_page, largest = max(fillable, key=lambda pair: len(pair[1].questions()))
    longest_page, longest = max(fillable, key=lambda pair: len(_text_fields(pair[1])))
    strategies = [
        st.tuples(st.just(f"{page.url}udfyld/"), fill_posts(definition, ["pdf"]))
        for page, definition in fillable[:: max(1, len(fillable) // 6)]
    ]

    @settings(FUZZ, max_examples=6)
    @given(case=st.one_of(strategies))
    @example(case=(f"{largest_page.url}udfyld/", _largest_text_answers(largest, "pdf", "ø" * 5000)))
    @example(
        case=(
            f"{largest_page.url}udfyld/",
            _largest_text_answers(largest, "pdf", "ø ", MAX_TOTAL_TEXT),
        )
    )
    @example(
        case=(
            f"{longest_page.url}udfyld/",
            _largest_text_answers(longest, "pdf", "§ 99 ", MAX_TOTAL_TEXT),
        )
    )
    def run(case):
        url, data = case
        fuzz.post(url, data, check=_fill_check(fuzz, table_counts(), documents))

    documents = []
    run()
    if "application/pdf" not in documents:
        fuzz.violation("no PDF was made")
    fuzz.assert_clean()


def test_page_feedback(fuzz):
    """Valid answers store one row each, with no CPR-looking number in the comment; invalid ones
    (an answer other than ja/nej, a comment too long or with NUL, a post from another site)
    store nothing; no page id or header makes a server error."""
    table = PageFeedback._meta.db_table
    feedback_ids = [
        p.pk
        for p in Page.objects.live().public().specific()
        if getattr(p, "collects_feedback", False)
    ]
    other_ids = [pk for pk in page_ids() if pk not in set(feedback_ids)]
    page_id = st.one_of(
        st.sampled_from(feedback_ids),
        st.sampled_from(feedback_ids),
        st.sampled_from(other_ids),
        st.sampled_from(["0", "9223372036854775807", "9223372036854775808", "1" * 30]),
    )
    comment = st.one_of(
        text_answer,
        st.builds(lambda a, b: a + b, cpr_text, any_text),
        st.integers(MAX_COMMENT_LENGTH - 2, MAX_COMMENT_LENGTH + 2).map(lambda n: "x" * n),
        st.integers(0, 50).map(lambda n: " " * n + "x" * MAX_COMMENT_LENGTH + " " * n),
    )
    useful = st.one_of(st.sampled_from(["ja", "nej", "ja", "nej", "Ja", "yes", "true"]), nasty)
    post_headers = st.one_of(
        st.just({}),
        st.fixed_dictionaries(
            {},
            optional={
                "Origin": st.one_of(
                    st.sampled_from(
                        [
                            "http://testserver",
                            "null",
                            "http://evil.example",
                            "http://[",
                            "http://[::1",
                            "http://a:b:c",
                            "://",
                            "x" * 3000,
                            "http://testserver:99999999999999999999",
                        ]
                    ),
                    HEADER_VALUES,
                ),
                "Sec-Fetch-Site": st.sampled_from(["same-origin", "cross-site", "none", "\x00"]),
            },
        ),
    ).map(as_headers)
    # An answer as the form sends it, with any comment; or any fields at all.
    answer = st.fixed_dictionaries(
        {"useful": st.sampled_from([["ja"], ["nej"]]), "comment": comment.map(lambda v: [v])}
    )
    anything = st.fixed_dictionaries(
        {},
        optional={
            "useful": st.one_of(useful.map(lambda v: [v]), hostile_values),
            "comment": st.one_of(comment.map(lambda v: [v]), hostile_values),
        },
    )
    data = st.one_of(answer, anything)

    def invalid(data, headers):
        """What the form must refuse, whatever else it refuses."""
        answers, comments = data.get("useful", []), data.get("comment", [""])
        if not answers or answers[-1] not in ("ja", "nej"):
            return True
        text = comments[-1] if comments else ""
        return (
            "\x00" in text
            or len(text.strip()) > MAX_COMMENT_LENGTH
            or (headers.get("Sec-Fetch-Site") == "cross-site")
        )

    @settings(FUZZ, max_examples=170)
    @given(page_id=page_id, prefix=st.sampled_from(["", "/en"]), data=data, headers=post_headers)
    @example(
        page_id=feedback_ids[0],
        prefix="",
        data={"useful": ["ja"], "comment": ["cpr 010190-1234"]},
        headers={},
    )
    @example(
        page_id=feedback_ids[0],
        prefix="",
        data={"useful": ["nej"], "comment": ["⁰¹⁰¹⁹⁰-¹²³⁴"]},
        headers={},
    )
    @example(
        page_id=feedback_ids[0], prefix="", data={"useful": ["ja"]}, headers={"Origin": "http://["}
    )
    @example(
        page_id=feedback_ids[0], prefix="", data={"useful": ["ja"], "comment": ["\x00"]}, headers={}
    )
    @example(page_id="9223372036854775808", prefix="", data={"useful": ["ja"]}, headers={})
    def run(page_id, prefix, data, headers):
        url = f"{prefix}/tilbagemelding/{page_id}/"
        before = table_counts()

        def check(response, described):
            diff = changed(before, table_counts())
            accepted = response.status_code == 302 and "/tak/" in response.get("Location", "")
            outcomes[accepted] += 1
            if accepted:
                if invalid(data, headers):
                    fuzz.violation(f"an invalid feedback post was accepted: {described}")
                if diff != {table: 1}:
                    fuzz.violation(f"accepted feedback stored {diff}: {described}")
                for stored in PageFeedback.objects.values_list("comment", flat=True):
                    if keeps_cpr(stored):
                        fuzz.violation(f"stored feedback keeps a CPR-looking number: {stored!r}")
            elif diff:
                fuzz.violation(
                    f"refused feedback ({response.status_code}) stored {diff}: {described}"
                )

        fuzz.post(url, data, headers=headers, check=check)

    outcomes = {True: 0, False: 0}
    run()
    if outcomes[True] < 10 or outcomes[False] < 10:
        fuzz.violation(f"too few accepted or refused posts to check: {outcomes}")
    fuzz.assert_clean()
