import json

from django import template
from django.utils.html import escape

register = template.Library()


@register.filter
def skip_json(rules):
    """Skip rules for the page's script, as an attribute value: [{"answers": [...], "goto": k}]."""
    return escape(json.dumps(rules))


@register.simple_tag
def field_with_hint(field, question, errors=()):
    """The field, described by its hint (help text, unit) and its error message, and marked as
    required when it must be answered."""
    described = []
    if (
        getattr(question, "help", "")
        or getattr(question, "unit", "")
        or getattr(question, "help_text", "")
    ):
        described.append(f"{field.id_for_label}-hint")
    if errors:
        described.append(f"{field.id_for_label}-error")
    attrs = {"aria-describedby": " ".join(described)} if described else {}
    if getattr(question, "required", False):
        attrs["aria-required"] = "true"
    if errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)
