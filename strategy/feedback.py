""" "Var siden nyttig?": a yes or no and an optional comment under every library page.

Nothing identifies the reader: the answer is stored with the page and the day only (no IP
address, user, session, cookie or time of day), and numbers as long as a CPR or phone number and
e-mail addresses in the comment are masked before it is saved. The IP address is used only to
count requests against the rate limit, in the cache, for at most an hour.

The form carries no CSRF token, so the page under it stays cacheable and sets no cookie; a post
from another site is refused by its Origin or Sec-Fetch-Site header instead, which every
current browser sends with a form post.
"""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt

from wagtail.models import Page

from core.utils import mask_personal_data, rate_limited
from search.analysis import clean
from strategy.models import PageFeedback

MAX_COMMENT_LENGTH = 1000


class FeedbackForm(forms.Form):
    """The ids start with "feedback-", apart from the page's own fields."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="feedback-%s", **kwargs)

    useful = forms.TypedChoiceField(
        label=_("Was the page useful?"),
        choices=[("ja", _("Yes")), ("nej", _("No"))],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose yes or no."),
            "invalid_choice": _("Choose yes or no."),
        },
    )
    comment = forms.CharField(
        label=_("What could make the page better? (optional)"),
        required=False,
        max_length=MAX_COMMENT_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": MAX_COMMENT_LENGTH}),
        error_messages={
            "max_length": _(
                "The comment can be at most %(limit_value)d characters; it has %(show_value)d."
            )
        },
    )


def feedback_page(page_id):
    """The live, public library page that collects feedback, or 404."""
    page = Page.objects.live().public().filter(pk=page_id).specific().first()
    if page is None or not getattr(page, "collects_feedback", False):
        raise Http404
    return page


def _from_another_site(request):
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return True
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        return False
    try:
        return urlsplit(origin).netloc != request.get_host()
    except ValueError:  # not an address at all (e.g. "http://["): not this site either
        return True


def _render(request, page, form, status, error=None):
    return render(
        request,
        "strategy/feedback_page.html",
        {"library_page": page, "form": form, "error": error},
        status=status,
    )


@csrf_exempt
def page_feedback(request, page_id):
    page = feedback_page(page_id)
    if request.method != "POST":
        return redirect(page.url + "#feedback")
    form = FeedbackForm(request.POST)
    if _from_another_site(request):
        error = _(
            "The answer must be sent from the page itself. Go back to the page and try again."
        )
        return _render(request, page, form, 403, error)
    if rate_limited(request, "page-feedback", settings.FEEDBACK_RATE_LIMIT):
        error = _("Too many answers in a short time. Wait a while and send it again.")
        return _render(request, page, form, 429, error)
    if not form.is_valid():
        return _render(request, page, form, 400)
    comment = mask_personal_data(clean(form.cleaned_data["comment"], MAX_COMMENT_LENGTH))
    PageFeedback.objects.create(page=page, useful=form.cleaned_data["useful"], comment=comment)
    return redirect(reverse("page_feedback_thanks", args=[page.pk]))


def page_feedback_thanks(request, page_id):
    return render(
        request, "strategy/feedback_thanks.html", {"library_page": feedback_page(page_id)}
    )
