import json

from django import template
from django.utils.html import escape

register = template.Library()


@register.filter
def skip_json(rules):
    """Skip rules for the page's script, as an attribute value: [{"answers": [...], "goto": k}]."""
    return escape(json.dumps(rules))


@register.simple_tag
def field_with_hint(field, question):
    """The field, described by its hint when the question has help text."""
    attrs = {"aria-describedby": f"{field.id_for_label}-hint"} if question.help else {}
    return field.as_widget(attrs=attrs)
