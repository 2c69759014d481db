"""Production: refuses to start without a secret key and explicit hosts, secure by default."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    ADMIN_CONTENT_SECURITY_POLICY,
    ALLOWED_HOSTS,
    BASE_URL,
    CONTENT_SECURITY_POLICY,
    EMAIL_URL,
    HTTPS,
    SECRET_KEY,
    env,
)

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY skal være sat i produktion (se .env.example).")
if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS skal være sat til sitets værtsnavne i produktion (se .env.example)."
    )

if not BASE_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured(
        "BASE_URL skal være sat til sitets adresse i produktion, fx https://metodebiblioteket.dk "
        "(se .env.example): links i feeds, kalender, handouts, API og e-mails bygger på den."
    )
if not EMAIL_URL:
    raise ImproperlyConfigured(
        "EMAIL_URL skal være sat i produktion, fx smtp+tls://bruger:kode@smtp.example.dk:587 "
        "(se .env.example): ellers når hverken nulstilling af adgangskoder eller "
        "arbejdsgangens beskeder frem."
    )

DEBUG = False

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# Behind a TLS-terminating proxy. With HTTPS=false (only for `make run` on loopback) the site is
# served over plain HTTP, so redirects, secure cookies and HSTS are switched off.
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    for _policy in (CONTENT_SECURITY_POLICY, ADMIN_CONTENT_SECURITY_POLICY):
        _policy["DIRECTIVES"]["upgrade-insecure-requests"] = True
