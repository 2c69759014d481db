"""Settings shared by every environment.

Every environment variable the project reads is read here, in one place, and listed in
`.env.example`. A `.env` file beside `manage.py` (or the file named by `ENV_FILE`) is read first;
variables already set in the process environment win over it.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.utils.translation import gettext_lazy as _

import environ
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(env.str("ENV_FILE", default="") or BASE_DIR / ".env")

# --- Environment -------------------------------------------------------------------------------

SECRET_KEY = env.str("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
VAR_DIR = Path(env.str("VAR_DIR", default="") or BASE_DIR / "var")
VAR_DIR.mkdir(parents=True, exist_ok=True)  # a fresh clone has none; every command may need it
DATABASE_URL = env.str("DATABASE_URL", default="") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
# The one address the site is reached at: the absolute links it writes (feeds, the calendar,
# handouts, the page API, e-mails) and the default Site that Wagtail's full URLs come from
# (`prepare_site` sets it). `make run` sets it from PORT; production refuses to start without.
BASE_URL = env.str("BASE_URL", default="").rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL or "http://127.0.0.1:8000"
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
# Served over HTTPS (behind a TLS-terminating proxy in production). `make run` on a laptop
# serves plain HTTP on loopback and sets HTTPS=false; production keeps the secure default.
HTTPS = env.bool("HTTPS", default=True)

# --- Applications ------------------------------------------------------------------------------

INSTALLED_APPS = [
    # Project apps first, so their templates and translations win.
    "core",
    "taxonomy",
    # Before legal and guidelines: its citations are read before they link words in the text.
    "sources",
    "methods",
    "legal",
    "guidelines",
    "projects",
    "downloads",
    "situations",
    "courses",
    "strategy",
    "search",
    # Wagtail and wagtail-localize
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail.contrib.frontend_cache",
    "wagtailcache",
    "axes",
    "csp",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "core.pagecache.BrowserRevalidateMiddleware",
    # Pages are compressed for the browser (a method page is 56 kB of HTML, 12 kB gzipped), the
    # cached ones too; Django pads what it compresses against BREACH and masks CSRF tokens.
    "django.middleware.gzip.GZipMiddleware",
    # The page cache (core/pagecache.py) stores responses on their way out, first...
    "wagtailcache.cache.UpdateCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.security.PathCSPMiddleware",
    # Whitenoise directly after SecurityMiddleware, as its documentation asks.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # ... and answers from it last, once the request is known to be anonymous.
    "wagtailcache.cache.FetchFromCacheMiddleware",
    # A page rendered while the content changed is not kept (only cache misses get here).
    "core.pagecache.StampGuardMiddleware",
    # Login throttling (django-axes) last, as its documentation asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    # The public site's templates (templates/) are Jinja2 (config/jinja2.py: why, and what stands
    # in for Django's tags); the admin's, Wagtail's and the apps' own stay Django templates.
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "config.jinja2.environment",
            "extensions": ["wagtail.jinja2tags.core", "wagtail.admin.jinja2tags.userbar"],
        },
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database ----------------------------------------------------------------------------------

DATABASES = {"default": env.db_url_config(DATABASE_URL)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the writer work at once (two server workers); IMMEDIATE transactions
    # and a busy timeout make a concurrent writer wait instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
# A worker keeps its connection between requests (opening one costs a round trip to PostgreSQL,
# and for SQLite the setup of Django's SQL functions and the pragmas above).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Passwords ---------------------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages ---------------------------------------------------------------------------------

LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Danish")), ("en", _("English"))]
FORMAT_MODULE_PATH = ["config.formats"]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("da", "Dansk"), ("en", "English")]

# --- Static and media files --------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default="") or BASE_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
_DKFDS_DIST = BASE_DIR / "node_modules" / "dkfds" / "dist"
STATICFILES_DIRS = [
    BASE_DIR / "static_src",
    # Det Fælles Designsystem, installed from npm by `make install` (never copied into the repo).
    ("dkfds/css", _DKFDS_DIST / "css"),
    ("dkfds/js", _DKFDS_DIST / "js"),
    ("dkfds/fonts", _DKFDS_DIST / "fonts"),
    ("dkfds/img", _DKFDS_DIST / "img"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Several app servers share their uploads in an S3-compatible bucket (django-storages) when
# S3_BUCKET is set; boto3 reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY itself.
S3_BUCKET = env.str("S3_BUCKET", default="")
if S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env.str("S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("S3_REGION", default="") or None,
            "file_overwrite": False,
            "default_acl": None,
            "querystring_auth": True,  # documents of private collections need signed links
        },
    }

# --- Cache and sessions ------------------------------------------------------------------------

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Rate limits (django-ratelimit) count in Redis when REDIS_URL is set, shared by every worker and
# server. Without it each worker counts on its own (an embedded default needs no server), so a
# client gets at most the limit per worker; django-ratelimit's checks say so, and are silenced
# for that reason. Django's own RedisCache increments atomically, which is all the limits need.
REDIS_URL = env.str("REDIS_URL", default="")
CACHES["ratelimit"] = (
    {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ratelimit"}
)
RATELIMIT_USE_CACHE = "ratelimit"

# The page cache (wagtail-cache, core/pagecache.py): anonymous pages, cleared when content changes.
# With REDIS_URL it lives in the next Redis database number (clearing it empties that database,
# so it must not share one), shared by every worker and server; without, in files under VAR_DIR,
# shared by the workers of one server.
WAGTAIL_CACHE = env.bool("PAGE_CACHE", default=True)
WAGTAIL_CACHE_BACKEND = "pages"
WAGTAIL_CACHE_HEADER = "X-Wagtail-Cache"
PAGE_CACHE_TIMEOUT = env.int("PAGE_CACHE_TIMEOUT", default=24 * 60 * 60)


def _next_redis_database(url):
    parts = urlsplit(url)
    current = int(parts.path.strip("/") or 0)
    return urlunsplit(parts._replace(path=f"/{(current + 1) % 16}"))


CACHES["pages"] = (
    {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": _next_redis_database(REDIS_URL),
        "TIMEOUT": PAGE_CACHE_TIMEOUT,
    }
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": VAR_DIR / "cache" / "pages",
        "TIMEOUT": PAGE_CACHE_TIMEOUT,
    }
)
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
# Requests per client (by IP address, which is not stored) to the search API and autocomplete.
SEARCH_RATE_LIMIT = env.str("SEARCH_RATE_LIMIT", default="60/m")
SEARCH_PAGE_RATE_LIMIT = env.str("SEARCH_PAGE_RATE_LIMIT", default="120/m")
AUTOCOMPLETE_RATE_LIMIT = env.str("AUTOCOMPLETE_RATE_LIMIT", default="300/m")
FEEDBACK_RATE_LIMIT = env.str("FEEDBACK_RATE_LIMIT", default="10/h")  # "Var siden nyttig?"
FILL_RATE_LIMIT = env.str("FILL_RATE_LIMIT", default="30/h")  # filled templates (DOCX/PDF/ODT)
# Tries at a private page's password per client and restriction.
PAGE_PASSWORD_RATE_LIMIT = env.str("PAGE_PASSWORD_RATE_LIMIT", default="10/h")
# Behind a TLS proxy every request comes from the proxy: name the header it puts the client's
# address in (e.g. HTTP_X_FORWARDED_FOR), so each client has its own limit.
if env.str("RATELIMIT_IP_META_KEY", default=""):
    RATELIMIT_IP_META_KEY = env.str("RATELIMIT_IP_META_KEY")

# Login throttling for the admin (django-axes): after 5 failed logins for one user name from one
# address, that pair is refused for 15 minutes (a Danish page, 429). Locking the pair, not the
# name alone, keeps an attacker from locking a real editor out. A good login resets the count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "core.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "core.utils.client_ip"  # the same address the rate limits count
AXES_VERBOSE = False

# Content-Security-Policy (django-csp, core/security.py): strict on the public site, the admin's
# needs explicit. Browsers get it on every response; `upgrade-insecure-requests` comes with HTTPS.
_PUBLIC_CSP = {
    "default-src": [SELF],
    "script-src": [SELF, NONCE],
    "style-src": [SELF],
    "img-src": [SELF, "data:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
    "base-uri": [NONE],
    "object-src": [NONE],
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": _PUBLIC_CSP}
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **_PUBLIC_CSP,
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
    }
}

# A caching proxy or CDN in front of the servers (Varnish, nginx, Cloudflare) is told to drop a
# page when it is published or unpublished (wagtail.contrib.frontend_cache): FRONTEND_CACHE_URL
# is the proxy's purge address, or CLOUDFLARE_ZONE_ID with CLOUDFLARE_BEARER_TOKEN.
WAGTAILFRONTENDCACHE = {}
if env.str("FRONTEND_CACHE_URL", default=""):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env.str("FRONTEND_CACHE_URL"),
    }
if env.str("CLOUDFLARE_ZONE_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env.str("CLOUDFLARE_ZONE_ID"),
        "BEARER_TOKEN": env.str("CLOUDFLARE_BEARER_TOKEN", default=""),
    }

# --- Wagtail -----------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Metodebiblioteket"
# SEARCH_BACKEND, SEARCH_URL, SEARCH_INDEX: database or Elasticsearch/OpenSearch (docs/search.md)
from search.backends import settings_from_env  # noqa: E402

WAGTAILSEARCH_BACKENDS = settings_from_env(env)
# Uploads: an allow-list of types, a maximum size, and content that matches the name
# (core/documents.py). SVG is not an allowed image: it can carry script.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.documents.DocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no staff e-mail hashes to a third party (and no CSP hole)
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILAPI_LIMIT_MAX = 100
# A page's edit form posts one field per table cell and block: the longest (S3.4's tables) posts
# about 1,300, past Django's default of 1,000, and could not be saved or previewed.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Logging -----------------------------------------------------------------------------------

# --- E-mail: password resets and workflow notifications -----------------------------------------

# smtp://user:password@host:25, smtp+tls://…:587 or smtp+ssl://…:465 (django-environ's EMAIL_URL);
# consolemail:// writes each message to the server's output (`make run`).
EMAIL_URL = env.str("EMAIL_URL", default="")
vars().update(env.email_url_config(EMAIL_URL or "consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Metodebiblioteket <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = 10  # seconds: an SMTP server that does not answer must not hold a worker
WAGTAILADMIN_NOTIFICATION_USE_HTML = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
