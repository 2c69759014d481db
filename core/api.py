"""The page API (/api/v2/): every page with its ref, type and taxonomy, in listings too."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.views import PagesAPIViewSet

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


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", LibraryPagesAPIViewSet)
