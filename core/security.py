"""Content-Security-Policy (django-csp): a strict policy for the public site, and the admin's
needs handled explicitly under /admin/.

The public site runs only its own script files (no inline script, no eval, no inline styles), so
its policy allows `'self'` and a per-request nonce that no public template uses today: an inline
script added later must carry `{{ request.csp_nonce }}` or it does not run. A nonce is only
written when a template asks for it, so cached public pages carry none.

Wagtail's admin writes inline scripts and styles of its own (and rich-text editors use them), so
the admin gets `'unsafe-inline'` for scripts and styles, `blob:` images for uploads, and may frame
the site's own pages for the live preview. Its pages are never cached and only signed-in staff
see them.
"""

from django.conf import settings

from csp.middleware import CSPMiddleware

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class PathCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path.startswith(ADMIN_PREFIXES):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts
