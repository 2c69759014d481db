from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["terms", "language", "one_way"]
    list_filter = ["language", "one_way"]
    search_fields = ["terms", "note"]


register_snippet(SynonymGroupViewSet)
