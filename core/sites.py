"""The default Site follows BASE_URL: Wagtail's full URLs (`page.full_url`, feeds, the calendar,
handouts) are built from the Site's host name and port, and a Site left at Wagtail's
`localhost:80` makes every absolute link point nowhere."""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from wagtail.models import Site


def host_and_port(base_url: str) -> tuple[str, int]:
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ImproperlyConfigured(
            f"BASE_URL={base_url!r} er ikke en adresse som https://værtsnavn"
        )
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def point_default_site(base_url: str) -> bool:
    """Give the default Site the host name and port of `base_url`; whether it changed."""
    hostname, port = host_and_port(base_url)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save()  # a Site saved gives a new content stamp and empties the page cache
    return True
