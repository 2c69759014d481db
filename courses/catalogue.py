"""The course catalogue's filters: audience, duration and topic.

As in search: OR within a filter, AND across filters, and each filter's counts are taken with
the other filters applied. The selection lives in GET parameters, so a filtered catalogue can be
linked to, and the page is a plain form that works without JavaScript.
"""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext as _

from wagtail.models import Locale

from courses.models import DURATIONS, CoursePage
from taxonomy.models import Audience, Category, localized_terms

# filter name (the GET parameter) → the course field whose terms it filters on
TERM_FILTERS = {"audience": ("audiences", Audience), "topic": ("topics", Category)}
FILTERS = ["topic", "audience", "duration"]


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


class CatalogueForm(forms.Form):
    topic = forms.MultipleChoiceField(required=False)
    audience = forms.MultipleChoiceField(required=False)
    duration = forms.MultipleChoiceField(required=False, choices=DURATIONS)

    def __init__(self, data, terms):
        super().__init__(data)
        for name, (_field, _model) in TERM_FILTERS.items():
            self.fields[name].choices = [(term.code, term.name) for term in terms[name]]
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = _(
                "There is no filter value “%(value)s”. Choose among the values shown."
            )


class Catalogue:
    def __init__(self, index_page, params):
        self.courses = list(
            CoursePage.objects.child_of(index_page)
            .live()
            .public()
            .prefetch_related("audiences", "topics")
            .order_by("path")
        )
        default = Locale.get_default()
        terms = {
            name: list(model.objects.filter(locale=default))
            for name, (_f, model) in TERM_FILTERS.items()
        }
        self.form = CatalogueForm(params, terms)
        self.errors = []
        self.selected = {name: [] for name in FILTERS}
        if self.form.is_valid():
            self.selected = {name: self.form.cleaned_data[name] for name in FILTERS}
        else:
            self.errors = [error for errors in self.form.errors.values() for error in errors]
        self.codes = [self._codes(course) for course in self.courses]
        self.filters = self._filters(terms, index_page.locale_id)
        self.results = [
            course
            for course, codes in zip(self.courses, self.codes, strict=True)
            if self._matches(codes)
        ]

    @staticmethod
    def _codes(course):
        codes = {
            name: {term.code for term in getattr(course, field).all()}
            for name, (field, _model) in TERM_FILTERS.items()
        }
        codes["duration"] = {course.duration_code}
        return codes

    def _matches(self, codes, ignore=None):
        return all(
            not values or codes[name] & set(values)
            for name, values in self.selected.items()
            if name != ignore
        )

    def _count(self, name, value):
        return sum(
            1 for codes in self.codes if value in codes[name] and self._matches(codes, ignore=name)
        )

    def _filters(self, terms, locale_id):
        filters = []
        for name in FILTERS:
            if name == "duration":
                values = [(code, str(label)) for code, label in DURATIONS]
            else:
                used = [
                    term for term in terms[name] if any(term.code in c[name] for c in self.codes)
                ]
                shown = localized_terms(used, locale_id) if used else []
                values = [
                    (term.code, shown_term.name)
                    for term, shown_term in zip(used, shown, strict=True)
                ]
            options = [
                Option(code, label, self._count(name, code), code in self.selected[name])
                for code, label in values
            ]
            filters.append({"name": name, "options": [o for o in options if o.count or o.selected]})
        return filters

    @property
    def is_filtered(self):
        return any(self.selected.values())
