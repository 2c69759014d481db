from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from taxonomy.models import VOCABULARIES


def _viewset(vocabulary_model):
    return type(
        f"{vocabulary_model.__name__}ViewSet",
        (SnippetViewSet,),
        {
            "model": vocabulary_model,
            "icon": "tag",
            "list_display": ["name", "code", "locale"],
            "search_fields": ["name", "code"],
            "ordering": ["sort_order", "name"],
        },
    )


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_order = 300
    items = [_viewset(model) for model in VOCABULARIES.values()]


register_snippet(TaxonomyViewSetGroup)
