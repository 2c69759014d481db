"""The test suite: fast hashing, plain static storage, the same database switch as production."""

from .base import *  # noqa: F403
from .base import CACHES

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105 - the test settings never serve real users
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = "http://testserver"
# Static files come from the finders (static_src and node_modules), not a collected STATIC_ROOT.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The suite searches far more often than a person; the rate-limit test sets its own low limit.
SEARCH_RATE_LIMIT = "10000/m"
SEARCH_PAGE_RATE_LIMIT = "10000/m"
AUTOCOMPLETE_RATE_LIMIT = "10000/m"
FEEDBACK_RATE_LIMIT = "10000/m"
FILL_RATE_LIMIT = "10000/m"
PAGE_PASSWORD_RATE_LIMIT = "10000/m"  # noqa: S105 - a rate, not a password
# The page cache is tested on its own (tests/core/test_page_cache.py) and in the browser tests'
# production server; elsewhere a test that changes a page sees the change at once.
WAGTAIL_CACHE = False
CACHES["pages"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}
