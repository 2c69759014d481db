import logging
import mimetypes

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import DatabaseError, connection
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from wagtail import views as wagtail_views
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

from core.utils import rate_limited

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def healthz(request):
    """Liveness and readiness in one: the site answers and its database does too."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database did not answer")
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok", "vendor": connection.vendor})


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer once a user name and address have failed too many logins (429)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT}
    return render(request, "core/locked_out.html", context, status=429)


class TooManyTriesForm(PasswordViewRestrictionForm):
    """Wagtail's password form, refused before the password is looked at."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].required = False

    def clean_password(self):
        return ""

    def clean(self):
        raise ValidationError(
            _("Too many tries with the wrong password. Wait a while and try again.")
        )


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's password form for a private page, with a limit on the tries: past
    PAGE_PASSWORD_RATE_LIMIT from one address for one restriction, the form says to wait (429),
    and the password is not even compared."""
    group = f"page-password:{page_view_restriction_id}"
    if request.method != "POST" or not rate_limited(
        request, group, settings.PAGE_PASSWORD_RATE_LIMIT
    ):
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    restriction = PageViewRestriction.objects.filter(pk=page_view_restriction_id).first()
    page = Page.objects.filter(pk=page_id).specific().first()
    if restriction is None or page is None:
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    form = TooManyTriesForm(
        {"return_url": request.POST.get("return_url", "")}, instance=restriction
    )
    form.is_valid()
    action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    response = page.serve_password_required_response(request, form, action_url)
    response.status_code = 429
    return response


def media_image(request, path):
    """An image rendition from the uploads (`images/…` only: the originals are never served, and
    documents have their own view, which checks their privacy). With uploads in an S3 bucket the
    renditions' addresses point at the bucket instead."""
    if not default_storage.exists(path):
        raise Http404
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    response = FileResponse(default_storage.open(path), content_type=content_type)
    response["Cache-Control"] = "public, max-age=86400"
    return response
