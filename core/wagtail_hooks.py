"""Rich-text links whose stored id is not a number (written by a forged edit or a bad import, as
`id='22" onmouseover=…'`) are broken links, as a link to a deleted page is: Wagtail looks such an id
up as it is, and the database's error made the page, its preview and its edit view a 500 for
every user. Registered after Wagtail's own handlers (`order`), which they replace."""

from wagtail import hooks
from wagtail.admin.rich_text.converters.contentstate import link_entity
from wagtail.admin.rich_text.converters.html_to_contentstate import (
    ExternalLinkElementHandler,
    PageLinkElementHandler,
)
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.rich_text.pages import PageLinkHandler


def _numeric(attrs_list):
    """The attributes with an id that is not a whole number replaced by none."""
    return [
        attrs if str(attrs.get("id", "")).isdigit() else {**attrs, "id": None}
        for attrs in attrs_list
    ]


class CheckedPageLinkHandler(PageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        return super().get_many(_numeric(attrs_list))


class CheckedDocumentLinkHandler(DocumentLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        return super().get_many(_numeric(attrs_list))


class CheckedPageLinkElementHandler(PageLinkElementHandler):
    """In the editor: a broken page link (no page, no address) instead of an error."""

    def get_attribute_data(self, attrs):
        if not str(attrs.get("id", "")).isdigit():
            return {"id": None, "url": None, "parentId": None}
        return super().get_attribute_data(attrs)


@hooks.register("register_rich_text_features", order=100)
def register_checked_links(features):
    features.register_link_type(CheckedPageLinkHandler)
    features.register_link_type(CheckedDocumentLinkHandler)
    features.register_converter_rule(
        "contentstate",
        "link",
        {
            "from_database_format": {
                "a[href]": ExternalLinkElementHandler("LINK"),
                'a[linktype="page"]': CheckedPageLinkElementHandler("LINK"),
            },
            "to_database_format": {"entity_decorators": {"LINK": link_entity}},
        },
    )
