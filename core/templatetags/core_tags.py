from django import template
from django.utils.safestring import mark_safe

from wagtail.models import Locale
from wagtail.rich_text import RichText, expand_db_html

from core import snapshot
from core.richtext import enrich
from core.utils import request_memo

register = template.Library()


@register.simple_tag(takes_context=True)
def richtext_linked(context, value):
    """Render rich text with legal references and glossary terms linked to their pages."""
    if value is None or value == "":
        return ""
    source = value.source if isinstance(value, RichText) else str(value)
    rendered = expand_db_html(source)
    request = context.get("request")
    if request is None:
        return mark_safe(rendered)  # noqa: S308 - rich text from the database
    locale = snapshot.active_locale(request) or Locale.get_active()
    return enrich(rendered, locale, lambda key, compute: request_memo(request, key, compute))
