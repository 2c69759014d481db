"""The page API (/api/v2/): every page with its ref, type and taxonomy, in listings too."""

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


class CheckedPagesAPIViewSet(LibraryPagesAPIViewSet):
    """Bad parameters are a 400 with a message, never a 500: an unknown `site`, an offset the
    database cannot take. (Search terms are cleaned by the search backend, search/database.py.)"""

    def get_base_queryset(self):
        try:
            return super().get_base_queryset()
        except (Site.DoesNotExist, ValueError) as error:
            raise BadRequestError(
                "Der er intet site med det navn (site=værtsnavn eller værtsnavn:port)."
            ) from error

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        offset = self.request.GET.get("offset", "")
        if offset.isdigit() and int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset må højst være {MAX_OFFSET}.")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", CheckedPagesAPIViewSet)
