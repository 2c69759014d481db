import pytest

from tests.conftest import page_by_ref

# A form with every kind of question, as an editor could build it in the admin.
EXAMPLE_FORM = [
    {
        "type": "section",
        "value": {
            "title": "Del 1: Om indberetningen",
            "help": "Udfyldes hver måned.",
            "questions": [
                {
                    "type": "text",
                    "value": {
                        "key": "q1",
                        "number": "1",
                        "label": "Indberetter-ID",
                        "help": "Dine initialer",
                        "required": True,
                    },
                },
                {
                    "type": "date",
                    "value": {
                        "key": "q2",
                        "number": "2",
                        "label": "Dato for indberetningen",
                        "required": True,
                    },
                },
                {
                    "type": "quarter",
                    "value": {"key": "q3", "number": "3", "label": "Kvartal og år"},
                },
                {
                    "type": "number",
                    "value": {
                        "key": "q4",
                        "number": "4",
                        "label": "Antal kontakter",
                        "unit": "gange",
                    },
                },
                {
                    "type": "duration",
                    "value": {"key": "q5", "number": "5", "label": "Tid brugt i alt"},
                },
                {
                    "type": "single",
                    "value": {
                        "key": "q6",
                        "number": "6",
                        "label": "Hvor bor brugeren?",
                        "options": [
                            {"code": "1", "label": "Egen bolig"},
                            {"code": "2", "label": "Botilbud"},
                            {"code": "3", "label": "Hospital"},
                            {"code": "4", "label": "Herberg"},
                            {"code": "77", "label": "Ved ikke"},
                        ],
                        "skip": [{"answers": "3, 4", "goto": "q8"}],
                    },
                },
                {
                    "type": "textarea",
                    "value": {
                        "key": "q7",
                        "number": "7",
                        "label": "Beskriv boligen",
                        "lines": 3,
                        "required": True,
                    },
                },
            ],
        },
    },
    {
        "type": "section",
        "value": {
            "title": "Del 2: Kontakten",
            "help": "",
            "questions": [
                {
                    "type": "multiple",
                    "value": {
                        "key": "q8",
                        "number": "8",
                        "label": "Hvem var med?",
                        "options": [
                            {"code": "1", "label": "Pårørende"},
                            {"code": "2", "label": "Sagsbehandler"},
                        ],
                        "skip": [],
                    },
                },
                {
                    "type": "matrix",
                    "value": {
                        "key": "q9",
                        "number": "9",
                        "label": "Hvor enig er du?",
                        "rows": ["Brugeren åbner døren", "Brugeren tager telefonen"],
                        "options": [
                            {"code": "0", "label": "Slet ikke"},
                            {"code": "1", "label": "Delvis"},
                            {"code": "2", "label": "Helt"},
                        ],
                    },
                },
                {
                    "type": "repeat",
                    "value": {
                        "key": "q10",
                        "number": "10",
                        "label": "Møder",
                        "fields": [
                            {"label": "Dato", "kind": "date", "help": ""},
                            {"label": "Timer", "kind": "number", "help": ""},
                            {"label": "Beskrivelse", "kind": "textarea", "help": ""},
                        ],
                        "rows": 2,
                    },
                },
                {
                    "type": "checklist",
                    "value": {
                        "key": "q11",
                        "number": "11",
                        "label": "Tjekliste",
                        "items": ["Aftale om næste møde", "Kopi til borgeren"],
                    },
                },
                {
                    "type": "consent",
                    "value": {
                        "key": "q12",
                        "number": "12",
                        "label": "Samtykke",
                        "statement": "Borgeren har sagt ja til samarbejdet",
                    },
                },
            ],
        },
    },
]

QUESTION_LABELS = [
    q["value"]["label"] for section in EXAMPLE_FORM for q in section["value"]["questions"]
]
OPTION_TEXTS = ["Egen bolig (1)", "Ved ikke (77)", "Pårørende (1)", "Slet ikke (0)", "Helt (2)"]


@pytest.fixture
def template_page(db):
    """The quarterly journal's page with the example form, published."""
    page = page_by_ref("S4.1")
    page.form = EXAMPLE_FORM
    page.save_revision().publish()
    page.refresh_from_db()
    return page
