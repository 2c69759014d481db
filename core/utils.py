import html
import re

from django.http import HttpResponse
from django.utils.html import strip_tags
from django.utils.http import content_disposition_header

_SPACE = re.compile(r"\s+")

# Numbers as long as a CPR number or a phone number, and e-mail addresses, are not kept where a
# visitor types free text (the search log, page feedback): someone may paste one by mistake.
# Digits with spaces, hyphens, dashes, dots or slashes between them: "010190-1234", "010190–1234",
# "01.01.90-1234", "12 34 56 78".
_LONG_NUMBER = re.compile(r"\d[\d \-\u2010-\u2015./]{4,}\d")
_EMAIL = re.compile(r"[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+")


def mask_personal_data(text: str) -> str:
    return _LONG_NUMBER.sub("[tal]", _EMAIL.sub("[e-mail]", text))


def plain_text(value) -> str:
    """Text without markup, entities or runs of white space, from a value or nested values (rich
    text, StreamField data, lists)."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(plain_text(v) for v in value)
    if isinstance(value, dict):
        return " ".join(plain_text(v) for v in value.values())
    return _SPACE.sub(" ", html.unescape(strip_tags(str(value)))).strip()


def attachment(content, content_type, file_name):
    """A file to download: its bytes, type, length and (Danish, non-ASCII) file name."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, file_name)
    response["Content-Length"] = str(len(content))
    return response


def request_memo(request, key, compute):
    """Compute a value once per request (menus, maps of links) and keep it on the request."""
    store = request.__dict__.setdefault("_metodebibliotek_memo", {})
    if key not in store:
        store[key] = compute()
    return store[key]


def client_ip(request):
    """The client's address, as the rate limits see it: REMOTE_ADDR, or behind a proxy the first
    address in the header RATELIMIT_IP_META_KEY names."""
    from django.conf import settings

    key = getattr(settings, "RATELIMIT_IP_META_KEY", None) or "REMOTE_ADDR"
    return request.META.get(key, "").split(",")[0].strip() or None


def rate_limited(request, group, rate):
    """Count this request against the client's limit for `group` (django-ratelimit, by the
    address `client_ip` reads, never stored) and say whether it is over `rate`."""
    from django_ratelimit.core import is_ratelimited

    return is_ratelimited(request, group=group, key="ip", rate=rate, increment=True)
