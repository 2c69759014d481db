"""The page API (/api/v2/): every page with its ref, type and taxonomy, in listings too."""

import re

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connection, models

from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Site

from rest_framework.fields import Field


class _SpecificField(Field):
    """Reads from the specific page, which listings of mixed types do not load by themselves."""

    def get_attribute(self, instance):
        return instance.specific_deferred


class RefField(_SpecificField):
    def to_representation(self, page):
        return getattr(page, "ref", None)


class TaxonomyField(_SpecificField):
    def to_representation(self, page):
        codes = getattr(page, "taxonomy_codes", None)
        return codes() if codes else {}


class LibraryPageSerializer(PageSerializer):
    ref = RefField(read_only=True)
    taxonomy = TaxonomyField(read_only=True)


class LibraryPagesAPIViewSet(PagesAPIViewSet):
    """`ref` and `taxonomy` are body fields of every page type, shown in listings by default."""

    base_serializer_class = LibraryPageSerializer
    body_fields = [*PagesAPIViewSet.body_fields, "ref", "taxonomy"]
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "ref", "taxonomy"]

    @classmethod
    def get_body_fields(cls, model):
        fields, names = [], set()
        for field in super().get_body_fields(model):
            if field.name not in names:
                names.add(field.name)
                fields.append(field)
        return fields


MAX_OFFSET = 100_000  # far past the library's pages; the database refuses offsets past 2**63
SEARCH_OPERATORS = ("and", "or")


class CheckedFieldsFilter(FieldsFilter):
    """A field filter's value is checked as the field checks it: `?first_published_at=x` or
    `?alias_of=<a number past 2**63>` is a 400 with a message, not an error in the database."""

    def filter_queryset(self, request, queryset, view):
        for name, value in request.GET.items():
            target = _integer_target(queryset.model, name)
            number = _number(value, sign=True)
            if target is not None and number is not None:
                low, high = connection.ops.integer_field_range(target.get_internal_type())
                if not low <= number <= high:
                    raise BadRequestError(f"{name} må højst være {high}.")
        try:
            return super().filter_queryset(request, queryset, view)
        except ValidationError as error:
            message = " ".join(error.messages)
            raise BadRequestError(f"Ugyldig værdi i filteret: {message}") from error


def _number(value, *, sign=False):
    """The whole number written in ASCII digits, else None (str.isdigit also takes "²")."""
    return int(value) if re.fullmatch(r"-?[0-9]+" if sign else "[0-9]+", value) else None


def _integer_target(model, name):
    """The integer field a foreign key filter compares with (integer fields check themselves)."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:  # `limit`, `search` and the other parameters
        return None
    if isinstance(field, models.ForeignKey) and isinstance(
        field.target_field, (models.IntegerField, models.AutoField)
    ):
        return field.target_field
    return None


class CheckedPagesAPIViewSet(LibraryPagesAPIViewSet):
    """Bad parameters are a 400 with a message, never a 500: an unknown `site`, an offset the
    database cannot take, a filter value its field refuses, an unknown search operator, a `find`
    id that is not a number, a NUL character (PostgreSQL stores no NUL) in any parameter but
    `search`. (Search terms are cleaned by the search backend: search/database.py.)
    """

    filter_backends = [
        CheckedFieldsFilter if backend is FieldsFilter else backend
        for backend in LibraryPagesAPIViewSet.filter_backends
    ]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, values in request.GET.lists():
            if name != "search" and any("\x00" in value for value in [name, *values]):
                shown = name.replace("\x00", "%00")
                raise BadRequestError(f"{shown} må ikke indeholde tegnet NUL (%00).")

    def get_base_queryset(self):
        try:
            return super().get_base_queryset()
        except (Site.DoesNotExist, ValueError) as error:
            raise BadRequestError(
                "Der er intet site med det navn (site=værtsnavn eller værtsnavn:port)."
            ) from error

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        offset = _number(self.request.GET.get("offset", ""))
        if offset is not None and offset > MAX_OFFSET:
            raise BadRequestError(f"offset må højst være {MAX_OFFSET}.")
        operator = self.request.GET.get("search_operator")
        if operator is not None and operator.lower() not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator skal være and eller or.")

    def find_object(self, queryset, request):
        if "id" in request.GET and _number(request.GET["id"]) is None:
            raise BadRequestError("id skal være et tal.")
        return super().find_object(queryset, request)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", CheckedPagesAPIViewSet)
