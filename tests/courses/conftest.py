from wagtail.models import Locale

import pytest

from courses.models import CoursePage
from tests.conftest import page_by_ref

GUIDE_ONLY = "Husk at printe casen i tre eksemplarer"
SESSION_GUIDE_ONLY = "Stil stolene i en hestesko før pausen"


def session(day, title, minutes, items=(), exercises=(), notes=""):
    return {
        "type": "session",
        "value": {
            "day": day,
            "title": title,
            "minutes": minutes,
            "description": f"<p>Om {title.lower()}.</p>",
            "goals": [f"Kunne bruge {title.lower()} i praksis"],
            "items": [{"page": page.pk, "note": note} for page, note in items],
            "exercises": list(exercises),
            "trainer_notes": f"<p>{notes}</p>" if notes else "",
        },
    }


def make_course(slug, ref, sessions, title="Testkursus om det første brev", **fields):
    index = page_by_ref("SITE-KURSER")
    course = CoursePage(
        title=title,
        slug=slug,
        ref=ref,
        summary="Et kursus til tests.",
        audience_text="SKP-medarbejdere",
        learning_goals=[{"type": "goal", "value": "Kunne skrive et første brev"}],
        sessions=sessions,
        trainer_notes=f"<p>{GUIDE_ONLY}.</p>",
        locale=Locale.objects.get(language_code="da"),
        **fields,
    )
    index.add_child(instance=course)
    course.save_revision().publish()
    course.refresh_from_db()
    return course


@pytest.fixture
def course(db):
    """A published course of two sessions on one day (150 minutes), using a method, a template,
    a legal provision and a technique."""
    method, template = page_by_ref("M13"), page_by_ref("S4.1")
    legal, technique = page_by_ref("SEL-99"), page_by_ref("T02")
    return make_course(
        "testkursus",
        "KURSUS-TEST",
        [
            session(
                1,
                "Det første brev",
                90,
                items=[(method, "Læs trinene højt"), (template, ""), (technique, "")],
                exercises=[
                    {
                        "kind": "case",
                        "title": "Skriv brevet til fru Jensen",
                        "minutes": 30,
                        "instructions": "<p>Skriv et kort brev med et forslag til en dato.</p>",
                    }
                ],
                notes=SESSION_GUIDE_ONLY,
            ),
            session(1, "Lovgrundlaget", 60, items=[(legal, "")]),
        ],
    )
