from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import routing
from core.api import api_router
from core.views import authenticate_with_password, healthz, media_image
from search import views as search_views
from strategy import feedback

# Wagtail's URLs, with its page view found faster (core/routing.py) and the password form of a
# private page limited in its tries (core/views.py).
OWN_VIEWS = {"wagtail_serve", "wagtailcore_authenticate_with_password"}
WAGTAIL_URLS = [
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    *(p for p in wagtail_urls.urlpatterns if p.name not in OWN_VIEWS),
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
]

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # The image renditions pages show (the publisher's logo), from wherever uploads are kept.
    re_path(r"^media/(?P<path>images/[^/]+)$", media_image, name="media_image"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("api/search/", search_views.search_api, name="search_api"),
    path("api/search/autocomplete/", search_views.autocomplete_api, name="search_autocomplete"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)


# Danish pages live at the root (/metoder/...), English ones under /en/. Paths without a language
# prefix (the admin included) are served in Danish whatever the browser asks for.
urlpatterns += i18n_patterns(
    path("soeg/", search_views.search_page, name="search"),
    path("tilbagemelding/<int:page_id>/", feedback.page_feedback, name="page_feedback"),
    path(
        "tilbagemelding/<int:page_id>/tak/",
        feedback.page_feedback_thanks,
        name="page_feedback_thanks",
    ),
    path("", include(WAGTAIL_URLS)),
    prefix_default_language=False,
)
